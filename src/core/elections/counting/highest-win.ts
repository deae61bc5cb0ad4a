import { SectorSeats } from "./quotas.ts";
import type { Candidate, RoundEvent } from "./types.ts";

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
