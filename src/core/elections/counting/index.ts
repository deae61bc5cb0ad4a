/**
 * Pure election counting: no I/O, no platform, no database. Every count is deterministic (ties by
 * lot come from a published seed) and reports every round.
 */
import { countApproval } from "./approval.ts";
import { countIrv } from "./irv.ts";
import { countPlurality } from "./plurality.ts";
import { approvalBallotsFromRanked, pluralityBallotsFromRanked } from "./ranked-ballots.ts";
import { countStv } from "./stv.ts";
import { countHarmonic } from "./harmonic.ts";
import { countListVote } from "./list-vote.ts";
import type { Candidate, CandidateMethod, CountOptions, CountResult, MarkBallot, RankedBallot } from "./types.ts";

export * from "./types.ts";
export { CountingInputError } from "./errors.ts";
export { createLot, DEFAULT_LOT_SEED, type Lot } from "./lot.ts";
export { SCALE } from "./fixed-point.ts";
export { countApproval } from "./approval.ts";
export { countIrv } from "./irv.ts";
export { countPlurality } from "./plurality.ts";
export { countStv } from "./stv.ts";
export { countYesNo } from "./yes-no.ts";
export { countHarmonic } from "./harmonic.ts";
export { countListVote } from "./list-vote.ts";
export { approvalBallotsFromRanked, pluralityBallotsFromRanked } from "./ranked-ballots.ts";

export type ElectionToCount =
  | { method: "plurality" | "approval" | "dhondt" | "lists"; candidates: readonly Candidate[]; ballots: readonly MarkBallot[]; options: CountOptions }
  | { method: "irv" | "stv" | "harmonic"; candidates: readonly Candidate[]; ballots: readonly RankedBallot[]; options: CountOptions };

/** Counts an election by its method. */
export function countElection(election: ElectionToCount): CountResult {
  switch (election.method) {
    case "plurality":
      return countPlurality(election.candidates, election.ballots, election.options);
    case "approval":
      return countApproval(election.candidates, election.ballots, election.options);
    case "irv":
      return countIrv(election.candidates, election.ballots, election.options);
    case "stv":
      return countStv(election.candidates, election.ballots, election.options);
    case "dhondt":
    case "lists":
      return countListVote(election.method, election.candidates, election.ballots, election.options);
    case "harmonic":
      return countHarmonic(election.candidates, election.ballots, election.options);
  }
}

/**
 * Counts ranked ballots (e.g. from a BLT file) by any candidate method: plurality reads each
 * ballot's first `seats` preferences, approval every ranked candidate, dhondt and lists the first.
 */
export function countRanked(
  method: CandidateMethod,
  candidates: readonly Candidate[],
  ballots: readonly RankedBallot[],
  options: CountOptions,
): CountResult {
  switch (method) {
    case "plurality":
      return countPlurality(candidates, pluralityBallotsFromRanked(ballots, options.seats, new Set(options.withdrawn)), options);
    case "approval":
      return countApproval(candidates, approvalBallotsFromRanked(ballots), options);
    case "irv":
      return countIrv(candidates, ballots, options);
    case "stv":
      return countStv(candidates, ballots, options);
    case "dhondt":
    case "lists":
      // A list vote names one candidate: a ranked ballot's first preference still standing.
      return countListVote(method, candidates, pluralityBallotsFromRanked(ballots, 1, new Set(options.withdrawn)), options);
    case "harmonic":
      return countHarmonic(candidates, ballots, options);
  }
}
