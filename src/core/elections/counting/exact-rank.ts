/**
 * Comparison numbers (d'Hondt's votes/k, the harmonic method's 1/k shares) are fractions a double
 * cannot hold exactly, and a tie decided by a rounding error would not be a tie decided by lot.
 * They are kept as exact fractions of BigInts and turned into integer ranks (equal fractions, equal
 * rank; larger fraction, larger rank), which the tie rules in ties.ts compare like votes.
 */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const compare = (a: Fraction, b: Fraction): number => {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
};

/** Dense ranks, 0 for the smallest value: rank[i] < rank[j] exactly when values[i] < values[j]. */
export function exactRanks(values: readonly Fraction[]): number[] {
  const order = values.map((_, position) => position).sort((a, b) => compare(values[a]!, values[b]!));
  const ranks = new Array<number>(values.length).fill(0);
  let rank = 0;
  order.forEach((position, at) => {
    if (at > 0 && compare(values[order[at - 1]!]!, values[position]!) !== 0) rank++;
    ranks[position] = rank;
  });
  return ranks;
}

/** A fraction to a plain number truncated to five decimals, for reports (never for deciding). */
export const fractionToVotes = (value: Fraction): number => Number((value.numerator * 100_000n) / value.denominator) / 100_000;
