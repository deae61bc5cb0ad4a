import type { YesNoBallot, YesNoResult } from "./types.ts";

/** A meeting decision: passes when yes votes outnumber no votes; abstentions count for neither. */
export function countYesNo(ballots: readonly YesNoBallot[]): YesNoResult {
  const totals = { yes: 0, no: 0, abstain: 0 };
  for (const ballot of ballots) totals[ballot.choice] += ballot.weight ?? 1;
  return { method: "yes-no-abstain", ...totals, passed: totals.yes > totals.no };
}
