import { countMarks } from "./mark-count.ts";
import type { Candidate, CountOptions, CountResult, MarkBallot } from "./types.ts";

/**
 * Approval voting: each ballot approves any number of candidates, the most approvals win. Ranked
 * ballots (BLT) count as approving every candidate they rank: see approvalBallotsFromRanked.
 */
export const countApproval = (
  candidates: readonly Candidate[],
  ballots: readonly MarkBallot[],
  options: CountOptions,
): CountResult => countMarks("approval", candidates, ballots, options);
