import { countMarks } from "./mark-count.ts";
import type { Candidate, CountOptions, CountResult, MarkBallot } from "./types.ts";

/**
 * Plurality / block vote (the Finnish association default): each ballot marks up to `seats`
 * candidates, the most votes win. A ballot with more marks than seats is invalid. To count ranked
 * ballots (a BLT file) this way, take each ballot's first `seats` preferences:
 * see pluralityBallotsFromRanked.
 */
export const countPlurality = (
  candidates: readonly Candidate[],
  ballots: readonly MarkBallot[],
  options: CountOptions,
): CountResult => countMarks("plurality", candidates, ballots, options);
