import type { Lot } from "./lot.ts";
import type { CandidateId, TiePurpose, TieRecord } from "./types.ts";

export interface TieContext {
  readonly ids: readonly CandidateId[];
  readonly lot: Lot;
  readonly ties: TieRecord[];
  /** Votes of every candidate (by index) at the end of each earlier stage, oldest first. */
  readonly history: readonly (readonly number[])[];
}

/**
 * Chooses one of candidates tied on their current votes, the way the Scottish order does: rule 51(2)
 * (exclusion: the lowest) and rule 49(2) (surplus order: the highest) look back to the most recent
 * earlier stage at which the tied candidates had unequal votes; if they were equal at every stage,
 * rules 49(3) and 51(2)(b) decide by lot. When three or more are tied and the look-back separates only
 * some of them, the ones still level at that stage are compared at the stage before, and so on.
 * Every decision is recorded in `ties`.
 */
export function breakTie(
  context: TieContext,
  tied: readonly number[],
  want: "lowest" | "highest",
  round: number,
  purpose: TiePurpose,
): number {
  let remaining = [...tied];
  for (let stage = context.history.length - 1; stage >= 0 && remaining.length > 1; stage--) {
    const votes = context.history[stage]!;
    const values = remaining.map((candidate) => votes[candidate]!);
    const extreme = want === "lowest" ? Math.min(...values) : Math.max(...values);
    remaining = remaining.filter((candidate) => votes[candidate] === extreme);
  }
  const ids = tied.map((candidate) => context.ids[candidate]!);
  if (remaining.length === 1) {
    const chosen = remaining[0]!;
    context.ties.push({ round, candidates: ids, chosen: context.ids[chosen]!, reason: "look-back", purpose });
    return chosen;
  }
  const remainingIds = remaining.map((candidate) => context.ids[candidate]!);
  // The context names the decision, so two different draws with the same seed are independent.
  const drawContext = `${purpose}:round-${round}:${[...remainingIds].sort().join(",")}`;
  const chosenId = context.lot.order(drawContext, remainingIds)[0]!;
  context.ties.push({ round, candidates: ids, chosen: chosenId, reason: "lot", purpose });
  return remaining[remainingIds.indexOf(chosenId)]!;
}

/**
 * Orders candidates best first by `votes`, breaking each tie with breakTie (highest first), so the
 * order is complete and reproducible.
 */
export function orderBestFirst(
  context: TieContext,
  candidates: readonly number[],
  votes: readonly number[],
  round: number,
  purpose: TiePurpose,
): number[] {
  const sorted = [...candidates].sort((a, b) => votes[b]! - votes[a]! || a - b);
  const ordered: number[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start + 1;
    while (end < sorted.length && votes[sorted[end]!] === votes[sorted[start]!]) end++;
    const group = sorted.slice(start, end);
    while (group.length > 1) {
      const chosen = breakTie(context, group, "highest", round, purpose);
      ordered.push(chosen);
      group.splice(group.indexOf(chosen), 1);
    }
    ordered.push(group[0]!);
    start = end;
  }
  return ordered;
}
