/**
 * Votes are counted in integer fixed point: one vote is SCALE units. The Scottish order (rule 48(3))
 * makes every transfer value "to five decimal places (any remainder being ignored)", so with five
 * decimal digits as integer units the truncation is an exact floor and every count is reproducible
 * bit for bit on any machine.
 */
export const SCALE = 100_000;

/** Whole ballots to fixed-point units. */
export const votesToUnits = (votes: number): number => votes * SCALE;

/** Fixed-point units to a plain number with five decimals, for results (the edge of the core). */
export const unitsToVotes = (units: number): number => Math.round(units) / SCALE;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * floor(a * b / c) for non-negative integers, exact even when a * b leaves the range a double
 * holds exactly (a very large election): then it falls back to BigInt.
 */
export function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) return Math.floor(product / c);
  const exact = (BigInt(a) * BigInt(b)) / BigInt(c);
  if (exact > MAX_SAFE) throw new RangeError("vote total too large to count exactly");
  return Number(exact);
}
