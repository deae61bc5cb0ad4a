import { exactRanks, fractionToVotes, type Fraction } from "./exact-rank.ts";
import { createLot, DEFAULT_LOT_SEED } from "./lot.ts";
import { onePassSetup, readMarks, seatInOrder, withdrawnEvents } from "./highest-win.ts";
import { orderBestFirst, type TieContext } from "./ties.ts";
import { type Candidate, type CountOptions, type CountResult, type MarkBallot, type TieRecord } from "./types.ts";

/**
 * The Associations Act's list methods (yhdistyslaki 29 § 3 mom.), both with d'Hondt comparison
 * numbers. A ballot names one candidate; the vote counts for the candidate's list (a candidate with
 * no list stands as a list of one). Within each list its candidates are put in order — `dhondt`
 * (list vote): the list's own order, i.e. ballot numbers; `lists` (candidate vote, as in Finnish
 * municipal elections): by personal votes, equal votes by lot — and the k-th gets the list's total
 * divided by k. The seats go to the highest comparison numbers; equal ones are decided by lot (the
 * Election Act's rule: no look-back). A ballot naming none or more than one candidate is invalid.
 *
 * Round 1 holds the personal votes and the list totals, round 2 the comparison numbers (truncated
 * to five decimals for showing; compared exactly).
 */
export function countListVote(
  method: "dhondt" | "lists",
  candidates: readonly Candidate[],
  ballots: readonly MarkBallot[],
  options: CountOptions,
): CountResult {
  const { seats, quotas, seed, index, withdrawn } = onePassSetup(candidates, options);
  const personal = new Array<number>(candidates.length).fill(0);
  // A list-vote ballot names exactly one candidate.
  const { valid, invalid } = readMarks(
    ballots,
    index,
    withdrawn,
    (marked) => marked.size === 1,
    (marked, weight) => {
      const [candidate] = marked;
      personal[candidate!] = personal[candidate!]! + weight;
    },
  );

  const standing = candidates.map((_, candidate) => candidate).filter((candidate) => !withdrawn.has(candidate));
  const lists = new Map<string, number[]>();
  for (const candidate of standing) {
    const list = listOf(candidates[candidate]!);
    lists.set(list, [...(lists.get(list) ?? []), candidate]);
  }
  const ties: TieRecord[] = [];
  const tieContext: TieContext = { ids: index.ids, lot: createLot(seed ?? DEFAULT_LOT_SEED), ties, history: [] };
  const comparison = new Array<Fraction>(candidates.length).fill({ numerator: 0n, denominator: 1n });
  const listTotals: Record<string, number> = {};
  for (const [list, members] of lists) {
    const total = members.reduce((sum, candidate) => sum + personal[candidate]!, 0);
    listTotals[list] = total;
    const ordered = method === "dhondt" ? members : orderBestFirst(tieContext, members, personal, 1, "placement");
    ordered.forEach((candidate, position) => {
      comparison[candidate] = { numerator: BigInt(total), denominator: BigInt(position + 1) };
    });
  }

  const ranks = exactRanks(comparison);
  const order = orderBestFirst(tieContext, standing, ranks, 2, "election-order");
  const { elected, events, placement } = seatInOrder({
    candidates,
    ids: index.ids,
    order,
    seats,
    quotas,
    withdrawn,
    hasVotes: (candidate) => comparison[candidate]!.numerator !== 0n,
    shownVotes: (candidate) => fractionToVotes(comparison[candidate]!),
  });
  const byId = (values: (candidate: number) => number) => Object.fromEntries(index.ids.map((id, candidate) => [id, values(candidate)]));
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
        kind: "first-preferences",
        votes: byId((candidate) => personal[candidate]!),
        lists: listTotals,
        nonTransferable: 0,
        lostToRounding: 0,
        events: withdrawnEvents(index.ids, withdrawn),
      },
      {
        number: 2,
        kind: "comparison",
        votes: byId((candidate) => (withdrawn.has(candidate) ? 0 : fractionToVotes(comparison[candidate]!))),
        nonTransferable: 0,
        lostToRounding: 0,
        events,
      },
    ],
    ties,
  };
}

/** The candidate's list; one without a list is a list of its own (named by the candidate's id). */
const listOf = (candidate: Candidate): string => candidate.list?.trim() || `#${candidate.id}`;
