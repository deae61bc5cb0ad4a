import { checkedOptions, CountingInputError } from "./errors.ts";
import { runTransferCount } from "./transfer-count.ts";
import { type Candidate, type CountOptions, type CountResult, type RankedBallot } from "./types.ts";

/**
 * Instant runoff for one seat: the candidate with the fewest votes is excluded, stage by stage, until
 * someone has a majority of the votes still with continuing candidates. Ties as in STV (look-back,
 * then lot). `seats` defaults to 1 and may not be anything else.
 */
export function countIrv(
  candidates: readonly Candidate[],
  ballots: readonly RankedBallot[],
  options: Omit<CountOptions, "seats"> & { seats?: number } = {},
): CountResult {
  const checked = checkedOptions({ ...options, seats: options.seats ?? 1 });
  if (checked.seats !== 1) throw new CountingInputError("counting.irv-one-seat", String(checked.seats));
  return runTransferCount({ rule: { kind: "irv" }, candidates, ballots, ...checked });
}
