import { indexCandidates, withdrawnPositions, type CandidateIndex } from "./candidates.ts";
import { checkedOptions } from "./errors.ts";
import { createLot, DEFAULT_LOT_SEED } from "./lot.ts";
import { SectorSeats } from "./quotas.ts";
import { orderBestFirst, type TieContext } from "./ties.ts";
import type { Candidate, CountOptions, CountResult, MarkBallot, RoundEvent, TieRecord } from "./types.ts";

/**
 * The one-pass methods' last step (plurality, approval, the list methods, harmonic shares): seats go
 * down `order` (best first, ties already decided by lot) until they are filled or the next has
 * nothing; a candidate whose sector is full is skipped and the next placed takes the seat.
 * Placement: the elected, then the rest in order, then the withdrawn by position.
 */
export function seatInOrder(options: {
  candidates: readonly Candidate[];
  ids: readonly string[];
  order: readonly number[];
  seats: number;
  quotas: ConstructorParameters<typeof SectorSeats>[1];
  withdrawn: ReadonlySet<number>;
  /** False for a candidate without a vote: they are never elected. */
  hasVotes: (candidate: number) => boolean;
  /** What the "elected" event shows as the candidate's votes. */
  shownVotes: (candidate: number) => number;
}): { elected: number[]; events: RoundEvent[]; placement: string[] } {
  const { candidates, ids, order, seats, quotas, withdrawn } = options;
  const sectors = new SectorSeats(candidates, quotas);
  const events: RoundEvent[] = [];
  const elected: number[] = [];
  for (const candidate of order) {
    if (elected.length === seats || !options.hasVotes(candidate)) break;
    const id = ids[candidate]!;
    if (!sectors.hasRoomFor(candidate)) {
      events.push({ kind: "skipped-sector-full", candidate: id, sector: sectors.sectorOf(candidate)! });
      continue;
    }
    sectors.take(candidate);
    elected.push(candidate);
    events.push({ kind: "elected", candidate: id, votes: options.shownVotes(candidate) });
  }
  const electedSet = new Set(elected);
  const placement = [...elected, ...order.filter((candidate) => !electedSet.has(candidate)), ...[...withdrawn].sort((a, b) => a - b)].map((candidate) => ids[candidate]!);
  return { elected, events, placement };
}

/** A round's note of who was withdrawn, in ballot order. */
export const withdrawnEvents = (ids: readonly string[], withdrawn: ReadonlySet<number>): RoundEvent[] =>
  [...withdrawn].sort((a, b) => a - b).map((candidate) => ({ kind: "withdrawn" as const, candidate: ids[candidate]! }));

/** A one-pass count's set-up: its options checked, the candidates indexed, the withdrawn as positions. */
export function onePassSetup(candidates: readonly Candidate[], options: CountOptions) {
  const { seats, quotas, seed, withdrawn } = checkedOptions(options);
  const index = indexCandidates(candidates);
  return { seats, quotas, seed, index, withdrawn: withdrawnPositions(index, withdrawn) };
}

export type OnePassSetup = ReturnType<typeof onePassSetup>;

/**
 * A one-round count from its totals (plurality, approval, harmonic shares): the standing candidates
 * ordered best first by `ranking` (ties by lot), seated by seatInOrder, as a result of one round.
 */
export function oneRoundResult(options: OnePassSetup & {
  method: CountResult["method"];
  candidates: readonly Candidate[];
  valid: number;
  invalid: number;
  /** What candidates are ordered by: their votes, or exact ranks of fractional totals. */
  ranking: readonly number[];
  hasVotes: (candidate: number) => boolean;
  /** A candidate's votes as the round shows them. */
  shownVotes: (candidate: number) => number;
}): CountResult {
  const { candidates, index, seats, withdrawn } = options;
  const ties: TieRecord[] = [];
  const tieContext: TieContext = { ids: index.ids, lot: createLot(options.seed ?? DEFAULT_LOT_SEED), ties, history: [] };
  const standing = candidates.map((_, candidate) => candidate).filter((candidate) => !withdrawn.has(candidate));
  const order = orderBestFirst(tieContext, standing, options.ranking, 1, "election-order");
  const seated = seatInOrder({ candidates, ids: index.ids, order, seats, quotas: options.quotas, withdrawn, hasVotes: options.hasVotes, shownVotes: options.shownVotes });
  return {
    method: options.method,
    seats,
    validBallots: options.valid,
    invalidBallots: options.invalid,
    elected: seated.elected.map((candidate) => index.ids[candidate]!),
    placement: seated.placement,
    rounds: [
      {
        number: 1,
        kind: "count",
        votes: Object.fromEntries(index.ids.map((id, candidate) => [id, options.shownVotes(candidate)])),
        nonTransferable: 0,
        lostToRounding: 0,
        events: [...withdrawnEvents(index.ids, withdrawn), ...seated.events],
      },
    ],
    ties,
  };
}

/**
 * Reads marked ballots (plurality, approval, list votes): each ballot's marks as candidate
 * positions with the withdrawn struck out; a ballot `accepts` refuses is spoilt. `add` gets each
 * valid ballot's marks and weight.
 */
export function readMarks(
  ballots: readonly MarkBallot[],
  index: CandidateIndex,
  withdrawn: ReadonlySet<number>,
  accepts: (marked: ReadonlySet<number>) => boolean,
  add: (marked: ReadonlySet<number>, weight: number) => void,
): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (const ballot of ballots) {
    const weight = ballot.weight ?? 1;
    const marked = new Set(ballot.marks.map((id) => index.indexOf(id)));
    for (const candidate of withdrawn) marked.delete(candidate);
    if (!accepts(marked)) {
      invalid += weight;
      continue;
    }
    valid += weight;
    add(marked, weight);
  }
  return { valid, invalid };
}
