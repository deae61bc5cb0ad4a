import { checkedOptions } from "./errors.ts";
import { runTransferCount } from "./transfer-count.ts";
import { type Candidate, type CountOptions, type CountResult, type RankedBallot } from "./types.ts";

/**
 * Single transferable vote as in The Scottish Local Government Elections Order 2007, Schedule 1,
 * rules 45–52: Droop quota, surpluses by the weighted inclusive Gregory method with transfer values
 * truncated to five decimals, largest surplus first, surpluses before exclusions, ties by look-back
 * and then by lot.
 */
export function countStv(
  candidates: readonly Candidate[],
  ballots: readonly RankedBallot[],
  options: CountOptions,
): CountResult {
  return runTransferCount({ rule: { kind: "stv" }, candidates, ballots, ...checkedOptions(options) });
}
