import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countApproval,
  countIrv,
  countPlurality,
  countStv,
  type Candidate,
  type CountResult,
} from "../../../src/core/elections/counting/index.ts";

const ids = ["a", "b", "c", "d", "e", "f"];
const sectors = ["culture", "sports", "social"];

/** An election: 2–6 candidates (with sectors), 1–3 seats, up to 40 ranked ballots with weights. */
const election = fc
  .record({ candidateCount: fc.integer({ min: 2, max: 6 }), seats: fc.integer({ min: 1, max: 3 }) })
  .chain(({ candidateCount, seats }) => {
    const names = ids.slice(0, candidateCount);
    return fc.record({
      candidates: fc.tuple(...names.map((id) => fc.constantFrom(...sectors).map((sector): Candidate => ({ id, sector })))),
      seats: fc.constant(Math.min(seats, candidateCount)),
      ballots: fc.array(
        fc.record({
          ranking: fc.shuffledSubarray(names, { minLength: 1 }),
          weight: fc.integer({ min: 1, max: 5 }),
        }),
        { minLength: 0, maxLength: 40 },
      ),
      seed: fc.string({ maxLength: 8 }),
    });
  });

const settings = { numRuns: 200 };

describe("counting properties", () => {
  it("STV elects exactly `seats` when at least that many candidates stand", () => {
    fc.assert(
      fc.property(election, ({ candidates, seats, ballots, seed }) => {
        expect(countStv(candidates, ballots, { seats, seed }).elected).toHaveLength(seats);
      }),
      settings,
    );
  });

  it("plurality and approval elect exactly `seats` when that many candidates have votes", () => {
    fc.assert(
      fc.property(election, ({ candidates, seats, ballots, seed }) => {
        const marks = ballots.map((ballot) => ({ marks: ballot.ranking.slice(0, seats), weight: ballot.weight }));
        for (const result of [countPlurality(candidates, marks, { seats, seed }), countApproval(candidates, marks, { seats, seed })]) {
          const candidatesWithVotes = Object.values(result.rounds[0]!.votes).filter((votes) => votes > 0).length;
          expect(result.elected).toHaveLength(Math.min(seats, candidatesWithVotes));
        }
      }),
      settings,
    );
  });

  it("STV with one seat elects the IRV winner", () => {
    fc.assert(
      fc.property(election, ({ candidates, ballots, seed }) => {
        expect(countStv(candidates, ballots, { seats: 1, seed }).elected).toEqual(countIrv(candidates, ballots, { seed }).elected);
      }),
      settings,
    );
  });

  it("a candidate with a majority of first preferences wins IRV at the first round", () => {
    fc.assert(
      fc.property(election, fc.integer({ min: 1, max: 50 }), ({ candidates, ballots, seed }, extra) => {
        const firsts = new Map<string, number>();
        for (const ballot of ballots) firsts.set(ballot.ranking[0]!, (firsts.get(ballot.ranking[0]!) ?? 0) + ballot.weight);
        const total = [...firsts.values()].reduce((sum, votes) => sum + votes, 0);
        // Give candidate a enough extra first preferences for a majority.
        const needed = Math.max(0, total - 2 * (firsts.get("a") ?? 0) + extra);
        const withMajority = [...ballots, { ranking: ["a"], weight: needed }];
        const result = countIrv(candidates, withMajority, { seed });
        expect(result.elected).toEqual(["a"]);
        expect(result.rounds).toHaveLength(1);
      }),
      settings,
    );
  });

  it("the order of the ballots never changes the result", () => {
    fc.assert(
      fc.property(election, fc.infiniteStream(fc.nat()), ({ candidates, seats, ballots, seed }, randoms) => {
        const shuffled = ballots.map((ballot) => ({ ballot, key: randoms.next().value })).sort((x, y) => x.key - y.key).map((x) => x.ballot);
        expect(countStv(candidates, shuffled, { seats, seed })).toEqual(countStv(candidates, ballots, { seats, seed }));
        expect(countIrv(candidates, shuffled, { seed })).toEqual(countIrv(candidates, ballots, { seed }));
      }),
      settings,
    );
  });

  it("the same seed gives the same result, ties included", () => {
    fc.assert(
      fc.property(election, ({ candidates, seats, ballots, seed }) => {
        const first: CountResult = countStv(candidates, ballots, { seats, seed });
        expect(countStv(structuredClone(candidates), structuredClone(ballots), { seats, seed })).toEqual(first);
      }),
      settings,
    );
  });

  it("sector quotas are never exceeded, by any method", () => {
    const quotas = fc.record({ culture: fc.integer({ min: 0, max: 2 }), sports: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(election, quotas, ({ candidates, seats, ballots, seed }, quota) => {
        const sectorOf = new Map(candidates.map((candidate) => [candidate.id, candidate.sector!]));
        const marks = ballots.map((ballot) => ({ marks: ballot.ranking.slice(0, seats), weight: ballot.weight }));
        const results = [
          countStv(candidates, ballots, { seats, seed, quotas: quota }),
          countIrv(candidates, ballots, { seed, quotas: quota }),
          countPlurality(candidates, marks, { seats, seed, quotas: quota }),
          countApproval(candidates, marks, { seats, seed, quotas: quota }),
        ];
        for (const result of results) {
          for (const [sector, max] of Object.entries(quota)) {
            expect(result.elected.filter((id) => sectorOf.get(id) === sector).length).toBeLessThanOrEqual(max);
          }
          expect(new Set(result.placement)).toEqual(new Set(candidates.map((candidate) => candidate.id)));
        }
      }),
      settings,
    );
  });

  it("STV conserves votes: candidates + non-transferable + rounding loss = valid ballots, every round", () => {
    fc.assert(
      fc.property(election, ({ candidates, seats, ballots, seed }) => {
        const result = countStv(candidates, ballots, { seats, seed });
        for (const round of result.rounds) {
          const held = Object.values(round.votes).reduce((sum, votes) => sum + votes, 0);
          expect(Math.round((held + round.nonTransferable + round.lostToRounding) * 100_000)).toBe(result.validBallots * 100_000);
        }
      }),
      settings,
    );
  });
});
