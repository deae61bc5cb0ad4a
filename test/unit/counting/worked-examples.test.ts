import { describe, expect, it } from "vitest";
import {
  countApproval,
  countIrv,
  countPlurality,
  countStv,
  countYesNo,
  createLot,
  type Candidate,
  type RankedBallot,
} from "../../../src/core/elections/counting/index.ts";

const people = (...ids: string[]): Candidate[] => ids.map((id) => ({ id }));
const ranked = (weight: number, ...ranking: string[]): RankedBallot => ({ weight, ranking });

describe("STV worked by hand", () => {
  // 16 valid papers, 2 seats: quota = floor(16 / 3) + 1 = 6 (rule 46).
  // Stage 1: A 9, B 3, C 4 -> A elected with a surplus of 3.
  // Stage 2: transfer value 3/9 = 0.333333… truncated to 0.33333 (rule 48(3));
  //          7 papers A>B give B 7 × 0.33333 = 2.33331 (not 2.33333), 2 papers A>C give C 0.66666.
  //          B 5.33331, C 4.66666, 0.00003 lost to truncation. Nobody reaches 6.
  // Stage 3: C (lowest) excluded; none of C's papers has a next preference: 4.66666 non-transferable.
  //          B is the only continuing candidate for the last vacancy: elected (rule 52).
  const candidates = people("A", "B", "C");
  const ballots = [ranked(7, "A", "B"), ranked(2, "A", "C"), ranked(3, "B"), ranked(4, "C")];
  const result = countStv(candidates, ballots, { seats: 2 });

  it("computes the quota and every stage", () => {
    expect(result.quota).toBe(6);
    expect(result.rounds.map((round) => round.votes)).toEqual([
      { A: 9, B: 3, C: 4 },
      { A: 6, B: 5.33331, C: 4.66666 },
      { A: 6, B: 5.33331, C: 0 },
    ]);
    expect(result.rounds.map((round) => round.nonTransferable)).toEqual([0, 0, 4.66666]);
    expect(result.rounds[1]!.lostToRounding).toBe(0.00003);
  });

  it("records the surplus with its truncated transfer value and the exclusion", () => {
    expect(result.rounds[1]!.events).toEqual([{ kind: "surplus-transferred", candidate: "A", surplus: 3, transferValue: 0.33333 }]);
    expect(result.rounds[2]!.events).toEqual([
      { kind: "excluded", candidate: "C", votes: 4.66666 },
      { kind: "non-transferable", votes: 4.66666, total: 4.66666 },
      { kind: "elected-as-remaining", candidate: "B", votes: 5.33331 },
    ]);
    expect(result.elected).toEqual(["A", "B"]);
    expect(result.placement).toEqual(["A", "B", "C"]);
  });

  it("applies rule 48(3) per paper: surplus × the paper's own value / total, truncated", () => {
    // 3 seats, 40 papers, quota floor(40 / 4) + 1 = 11.
    // Stage 1: A 14 (A>B>C), B 5 (B>C), C 6, D 5 (D>B>C), E 10. A elected, surplus 3.
    // Stage 2: each A paper is worth 3 × 1 / 14 = 0.21428; B gets 14 × 0.21428 = 2.99992 -> 7.99992.
    // Stage 3: D excluded (5): B 12.99992, elected with a surplus of 1.99992.
    // Stage 4: B's papers, total 12.99992: the 14 A>B>C papers, each at 0.21428, are now worth
    //   1.99992 × 0.21428 / 12.99992 = 0.032964… -> 0.03296 (× 14 = 0.46144); the 10 whole papers
    //   1.99992 × 1 / 12.99992 = 0.153841… -> 0.15384 (× 10 = 1.53840). C: 6 + 1.99984 = 7.99984.
    // Stage 5: C excluded; E is the one continuing candidate for the last seat (rule 52).
    const result = countStv(
      people("A", "B", "C", "D", "E"),
      [ranked(14, "A", "B", "C"), ranked(5, "B", "C"), ranked(6, "C"), ranked(5, "D", "B", "C"), ranked(10, "E")],
      { seats: 3 },
    );
    expect(result.quota).toBe(11);
    expect(result.rounds[1]!.votes).toEqual({ A: 11, B: 7.99992, C: 6, D: 5, E: 10 });
    expect(result.rounds[2]!.votes.B).toBe(12.99992);
    expect(result.rounds[3]!.events[0]).toEqual({ kind: "surplus-transferred", candidate: "B", surplus: 1.99992, transferValue: 0.15384 });
    expect(result.rounds[3]!.votes).toEqual({ A: 11, B: 11, C: 7.99984, D: 0, E: 10 });
    expect(result.rounds[3]!.lostToRounding).toBe(0.00008 + 0.00008);
    expect(result.elected).toEqual(["A", "B", "E"]);
  });
});

describe("ties", () => {
  it("excludes by look-back to the last stage where the tied candidates differed (rule 51(2)(a))", () => {
    // 12 papers, 1 seat, quota 7. Stage 1: A 6, B 2, C 3, D 1. D excluded, its paper goes to B.
    // Stage 2: A 6, B 3, C 3: B and C tie; at stage 1 B had 2 < C's 3, so B is excluded.
    const result = countStv(
      people("A", "B", "C", "D"),
      [ranked(6, "A"), ranked(2, "B"), ranked(3, "C", "B"), ranked(1, "D", "B")],
      { seats: 1 },
    );
    expect(result.rounds[1]!.votes).toEqual({ A: 6, B: 3, C: 3, D: 0 });
    expect(result.rounds[2]!.events[0]).toEqual({ kind: "excluded", candidate: "B", votes: 3 });
    expect(result.elected).toEqual(["A"]);
    // The decision is recorded in the round where the exclusion happens (stage 3).
    expect(result.ties).toEqual([{ round: 3, candidates: ["B", "C"], chosen: "B", reason: "look-back", purpose: "exclude" }]);
  });

  it("decides by lot when tied at every stage, recorded and repeatable from the seed", () => {
    const candidates = people("A", "B");
    const ballots = [ranked(3, "A"), ranked(3, "B")];
    const outcomes = new Set<string>();
    for (const seed of ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]) {
      const result = countStv(candidates, ballots, { seats: 1, seed });
      const tie = result.ties[0]!;
      expect(tie).toMatchObject({ round: 2, candidates: ["A", "B"], reason: "lot", purpose: "exclude" });
      // The excluded one is the first drawn by the published seed's lot, so anyone can check it.
      const drawn = createLot(seed).order("exclude:round-2:A,B", ["A", "B"])[0];
      expect(tie.chosen).toBe(drawn);
      expect(result.elected).toEqual([drawn === "A" ? "B" : "A"]);
      expect(countStv(candidates, [...ballots].reverse(), { seats: 1, seed })).toEqual(result);
      outcomes.add(result.elected[0]!);
    }
    // The seed really decides: over six seeds both outcomes occur.
    expect(outcomes).toEqual(new Set(["A", "B"]));
  });

  it("orders the lot by seed and decision only, not by the order candidates were listed", () => {
    const lot = createLot("published-seed");
    expect(lot.order("ctx", ["x", "y", "z"])).toEqual(lot.order("ctx", ["z", "x", "y"]));
  });
});

describe("IRV worked by hand", () => {
  // 9 papers. Stage 1: A 4, B 3, C 2: no majority (5 needed). C excluded, C>B -> B 5 of 9: elected.
  const result = countIrv(people("A", "B", "C"), [ranked(4, "A"), ranked(3, "B"), ranked(2, "C", "B")]);
  it("excludes the lowest until a majority of continuing votes", () => {
    expect(result.rounds.map((round) => round.votes)).toEqual([
      { A: 4, B: 3, C: 2 },
      { A: 4, B: 5, C: 0 },
    ]);
    expect(result.rounds.map((round) => round.threshold)).toEqual([5, 5]);
    expect(result.elected).toEqual(["B"]);
    expect(result.placement).toEqual(["B", "A", "C"]);
  });

  it("elects on a majority of continuing votes even when papers have exhausted", () => {
    // 10 papers: A 4, B 3, C 3 (no further preference). B and C tie; at no earlier stage: lot.
    // After either is excluded, A has 4 of 7 continuing votes: a majority, elected.
    const exhausted = countIrv(people("A", "B", "C"), [ranked(4, "A"), ranked(3, "B"), ranked(3, "C")], { seed: "s" });
    expect(exhausted.elected).toEqual(["A"]);
    expect(exhausted.rounds[1]!.threshold).toBe(4);
    expect(exhausted.rounds[1]!.nonTransferable).toBe(3);
  });
});

describe("plurality, approval, yes/no", () => {
  it("elects the most voted, spoils a ballot with more marks than seats", () => {
    const result = countPlurality(
      people("A", "B", "C", "D"),
      [
        { marks: ["A", "B"], weight: 5 },
        { marks: ["C"], weight: 4 },
        { marks: ["B", "C"], weight: 2 },
        { marks: ["A", "B", "C"], weight: 9 },
      ],
      { seats: 2 },
    );
    expect(result.rounds[0]!.votes).toEqual({ A: 5, B: 7, C: 6, D: 0 });
    expect(result.invalidBallots).toBe(9);
    expect(result.elected).toEqual(["B", "C"]);
    expect(result.placement).toEqual(["B", "C", "A", "D"]);
  });

  it("does not give a seat to a candidate without votes", () => {
    const result = countPlurality(people("A", "B"), [{ marks: ["A"] }], { seats: 2 });
    expect(result.elected).toEqual(["A"]);
    expect(result.placement).toEqual(["A", "B"]);
  });

  it("approval counts every approved candidate", () => {
    const result = countApproval(
      people("A", "B", "C"),
      [
        { marks: ["A", "B", "C"], weight: 2 },
        { marks: ["C"], weight: 3 },
        { marks: ["B"] },
      ],
      { seats: 1 },
    );
    expect(result.rounds[0]!.votes).toEqual({ A: 2, B: 3, C: 5 });
    expect(result.elected).toEqual(["C"]);
  });

  it("yes/no passes only when yes outnumbers no; abstentions count for neither", () => {
    expect(countYesNo([{ choice: "yes", weight: 3 }, { choice: "no", weight: 2 }, { choice: "abstain", weight: 10 }])).toEqual({
      method: "yes-no-abstain",
      yes: 3,
      no: 2,
      abstain: 10,
      passed: true,
    });
    expect(countYesNo([{ choice: "yes", weight: 2 }, { choice: "no", weight: 2 }]).passed).toBe(false);
  });
});

describe("sector quotas", () => {
  const candidates: Candidate[] = [
    { id: "A", sector: "sports" },
    { id: "B", sector: "sports" },
    { id: "C", sector: "culture" },
  ];

  it("STV: skips a candidate whose sector is full and transfers their votes", () => {
    // 12 papers, 2 seats, quota 5. Stage 1: A 5 (elected, no surplus), B 4, C 3. Sports (quota 1) is
    // now full, so B is skipped; C is then the only continuing candidate for the last seat and is
    // elected at once (rule 52: no further transfer).
    const ballots = [ranked(5, "A", "B"), ranked(4, "B", "A"), ranked(3, "C")];
    const withQuota = countStv(candidates, ballots, { seats: 2, quotas: { sports: 1 } });
    expect(withQuota.rounds[0]!.events).toEqual([
      { kind: "elected", candidate: "A", votes: 5 },
      { kind: "skipped-sector-full", candidate: "B", sector: "sports" },
      { kind: "elected-as-remaining", candidate: "C", votes: 3 },
    ]);
    expect(withQuota.elected).toEqual(["A", "C"]);
    expect(countStv(candidates, ballots, { seats: 2 }).elected).toEqual(["A", "B"]);
  });

  it("plurality: the next placed from another sector takes the seat", () => {
    const ballots = [{ marks: ["A", "B"], weight: 5 }, { marks: ["A"] }, { marks: ["C"], weight: 2 }];
    const result = countPlurality(candidates, ballots, { seats: 2, quotas: { sports: 1 } });
    expect(result.elected).toEqual(["A", "C"]);
    expect(result.rounds[0]!.events).toContainEqual({ kind: "skipped-sector-full", candidate: "B", sector: "sports" });
  });
});

describe("withdrawn candidates", () => {
  it("are struck from every ballot before the count", () => {
    const result = countStv(people("A", "B", "C"), [ranked(3, "B", "A"), ranked(2, "A"), ranked(4, "C")], {
      seats: 1,
      withdrawn: ["B"],
    });
    expect(result.rounds[0]!.votes).toEqual({ A: 5, B: 0, C: 4 });
    expect(result.rounds[0]!.events[0]).toEqual({ kind: "withdrawn", candidate: "B" });
    expect(result.elected).toEqual(["A"]);
    expect(result.placement.at(-1)).toBe("B");
  });
});
