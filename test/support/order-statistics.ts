/**
 * How well an attacker's guessed order matches the real voting order, and what chance gives.
 *
 * The number of positions where a random permutation of n agrees with another (its fixed points)
 * is close to Poisson(1) for n ≥ 10: P(≥ 8) ≈ 1.0e-5. A test that allows at most 7 therefore fails
 * by chance about once in 100 000 runs per ordering tried; the two secrecy suites try 38 orderings
 * and 10 Kendall taus (at ~7e-6 each, below), so both together fail by chance about 5 times in
 * 10 000 runs.
 */
export const maxChanceMatches = 7;

/** Positions i where the i-th item of `guess` is the i-th of `truth` (both over the same items). */
export function fixedPoints<T>(guess: readonly T[], truth: readonly T[]): number {
  return guess.filter((item, i) => truth[i] === item).length;
}

/** Kendall's tau between two rankings of the same items (1: same order, −1: reversed). */
export function kendallTau<T>(guess: readonly T[], truth: readonly T[]): number {
  const rank = new Map(truth.map((item, i) => [item, i]));
  const ranks = guess.map((item) => rank.get(item)!);
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < ranks.length; i++) {
    for (let j = i + 1; j < ranks.length; j++) {
      if (ranks[i]! < ranks[j]!) concordant++;
      else discordant++;
    }
  }
  const pairs = concordant + discordant;
  return pairs === 0 ? 0 : (concordant - discordant) / pairs;
}

/**
 * The largest |tau| chance exceeds with probability about 7e-6: 4.5 standard deviations of tau
 * under independence, sd = sqrt(2(2n+5) / (9n(n−1))) (0.73 for n = 20; for n = 10 the bound is
 * 1 and only the fixed-point count speaks). Below 3 items no order says anything.
 */
export function maxChanceTau(n: number): number {
  if (n < 3) return 1;
  return Math.min(1, 4.5 * Math.sqrt((2 * (2 * n + 5)) / (9 * n * (n - 1))));
}

/** Every offset at which `needle` occurs in `haystack`. */
export function offsetsOf(haystack: Uint8Array, needle: string): number[] {
  const bytes = Buffer.from(needle, "utf8");
  const buffer = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
  const found: number[] = [];
  for (let at = buffer.indexOf(bytes); at !== -1; at = buffer.indexOf(bytes, at + 1)) found.push(at);
  return found;
}

export const contains = (haystack: Uint8Array, needle: string): boolean => offsetsOf(haystack, needle).length > 0;
