import { indexCandidates, withdrawnPositions } from "./candidates.ts";
import { checkedOptions } from "./errors.ts";
import { createLot, DEFAULT_LOT_SEED } from "./lot.ts";
import { seatInOrder, withdrawnEvents } from "./highest-win.ts";
import { orderBestFirst, type TieContext } from "./ties.ts";
import {
  type Candidate,
  type CountOptions,
  type CountResult,
  type MarkBallot,
  type TieRecord,
} from "./types.ts";

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
  const { seats, quotas, seed, withdrawn: withdrawnIds } = checkedOptions(options);
  const index = indexCandidates(candidates);
  const withdrawn = withdrawnPositions(index, withdrawnIds);
  const votes = new Array<number>(candidates.length).fill(0);
  let valid = 0;
  let invalid = 0;
  for (const ballot of ballots) {
    const weight = ballot.weight ?? 1;
    const marked = new Set(ballot.marks.map((id) => index.indexOf(id)));
    for (const candidate of withdrawn) marked.delete(candidate);
    // A block-vote ballot marking more candidates than there are seats is spoilt, as on paper.
    if (marked.size === 0 || (method === "plurality" && marked.size > seats)) {
      invalid += weight;
      continue;
    }
    valid += weight;
    for (const candidate of marked) votes[candidate] = votes[candidate]! + weight;
  }

  const ties: TieRecord[] = [];
  const tieContext: TieContext = { ids: index.ids, lot: createLot(seed ?? DEFAULT_LOT_SEED), ties, history: [] };
  const standing = candidates.map((_, candidate) => candidate).filter((candidate) => !withdrawn.has(candidate));
  const order = orderBestFirst(tieContext, standing, votes, 1, "election-order");
  const seated = seatInOrder({
    candidates,
    ids: index.ids,
    order,
    seats,
    quotas,
    withdrawn,
    hasVotes: (candidate) => votes[candidate] !== 0,
    shownVotes: (candidate) => votes[candidate]!,
  });
  const { elected, placement } = seated;
  const events = [...withdrawnEvents(index.ids, withdrawn), ...seated.events];

  return {
    method,
    seats,
    validBallots: valid,
    invalidBallots: invalid,
    elected: elected.map((candidate) => index.ids[candidate]!),
    placement,
    rounds: [
      {
        number: 1,
        kind: "count",
        votes: Object.fromEntries(index.ids.map((id, candidate) => [id, votes[candidate]!])),
        nonTransferable: 0,
        lostToRounding: 0,
        events,
      },
    ],
    ties,
  };
}
