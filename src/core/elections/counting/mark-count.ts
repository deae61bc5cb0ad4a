import { onePassSetup, oneRoundResult, readMarks } from "./highest-win.ts";
import type { Candidate, CountOptions, CountResult, MarkBallot } from "./types.ts";

/**
 * One-round counts of marked ballots: plurality (block vote: at most `seats` marks) and approval
 * (any number of marks). Most votes win; a candidate needs at least one vote to be elected; ties are
 * decided by lot; a candidate whose sector is full is skipped and the next placed takes the seat.
 */
export function countMarks(
  method: "plurality" | "approval",
  candidates: readonly Candidate[],
  ballots: readonly MarkBallot[],
  options: CountOptions,
): CountResult {
  const setup = onePassSetup(candidates, options);
  const votes = new Array<number>(candidates.length).fill(0);
  const { valid, invalid } = readMarks(
    ballots,
    setup.index,
    setup.withdrawn,
    // A block-vote ballot marking more candidates than there are seats is spoilt, as on paper.
    (marked) => marked.size > 0 && !(method === "plurality" && marked.size > setup.seats),
    (marked, weight) => {
      for (const candidate of marked) votes[candidate] = votes[candidate]! + weight;
    },
  );
  return oneRoundResult({
    method,
    candidates,
    ...setup,
    valid,
    invalid,
    ranking: votes,
    hasVotes: (candidate) => votes[candidate] !== 0,
    shownVotes: (candidate) => votes[candidate]!,
  });
}
