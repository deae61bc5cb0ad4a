import { exactRanks, fractionToVotes, type Fraction } from "./exact-rank.ts";
import { onePassSetup, oneRoundResult } from "./highest-win.ts";
import { aggregateRanked } from "./ranked-ballots.ts";
import type { Candidate, CountOptions, CountResult, RankedBallot } from "./types.ts";

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * The Associations Act's proportional method without lists (yhdistyslaki 29 § 3 mom.): ranked
 * ballots, the candidate ranked k-th gets 1/k of a vote, the highest totals win. Withdrawn
 * candidates are struck first, so later preferences move up. Totals are summed exactly in units of
 * 1/lcm(1..longest ballot); equal totals are decided by lot; a full sector's candidate is skipped.
 */
export function countHarmonic(candidates: readonly Candidate[], ballots: readonly RankedBallot[], options: CountOptions): CountResult {
  const setup = onePassSetup(candidates, options);
  const { groups, valid, invalid } = aggregateRanked(ballots, setup.index, setup.withdrawn);
  let unit = 1n;
  const longest = Math.max(0, ...groups.map((group) => group.preferences.length));
  for (let k = 2n; k <= BigInt(longest); k++) unit = (unit * k) / gcd(unit, k);
  const totals = new Array<bigint>(candidates.length).fill(0n);
  for (const group of groups) {
    group.preferences.forEach((candidate, rank) => {
      totals[candidate] = totals[candidate]! + (BigInt(group.weight) * unit) / BigInt(rank + 1);
    });
  }
  const shares: Fraction[] = totals.map((numerator) => ({ numerator, denominator: unit }));

  return oneRoundResult({
    method: "harmonic",
    candidates,
    ...setup,
    valid,
    invalid,
    ranking: exactRanks(shares),
    hasVotes: (candidate) => totals[candidate] !== 0n,
    shownVotes: (candidate) => fractionToVotes(shares[candidate]!),
  });
}
