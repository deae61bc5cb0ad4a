import type { CandidateId } from "./types.ts";

/** The seed used when none is given (the CLI's default): documented so a count can be repeated. */
export const DEFAULT_LOT_SEED = "council-bot:default-lot-seed";

export interface Lot {
  /**
   * The tied candidates in lot order (first = drawn first). The order depends only on the seed,
   * the context (which decision this is) and the candidate ids — never on input order — so anyone
   * with the published seed gets the same draw.
   */
  order(context: string, candidates: readonly CandidateId[]): CandidateId[];
}

export function createLot(seed: string): Lot {
  // Node's crypto is loaded at the first draw: most counts have no tie, and loading it costs the
  // tally CLI a twentieth of its run.
  const draw = (context: string, candidate: CandidateId): string =>
    process.getBuiltinModule("node:crypto").createHmac("sha256", seed).update(`${context}\u0000${candidate}`).digest("hex");
  return {
    order(context, candidates) {
      return candidates
        .map((candidate) => ({ candidate, key: draw(context, candidate) }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((entry) => entry.candidate);
    },
  };
}
