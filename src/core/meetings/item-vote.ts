import type { Threshold } from "./law.ts";

export interface VoteCounts {
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
}

export type VoteOutcome =
  | { readonly kind: "decided"; readonly passed: boolean; readonly tieBreak: "chair" | null }
  /** A tie at a meeting with nobody's stated opinion to decide it: the chair must say. */
  | { readonly kind: "tie-needs-chair" };

/**
 * A vote at a meeting (§27). Abstentions are not votes cast. Simple majority: more yes than no;
 * a tie is decided by the chair's stated opinion (§27(2)), which at a meeting is never a lot.
 * Three quarters (§27(3)): at least ¾ of the votes cast are yes; there is no tie to break.
 */
export function voteOutcome(counts: VoteCounts, threshold: Threshold, chairSays: "yes" | "no" | null): VoteOutcome {
  if (threshold === "three-quarters") {
    const cast = counts.yes + counts.no;
    return { kind: "decided", passed: cast > 0 && counts.yes * 4 >= cast * 3, tieBreak: null };
  }
  if (counts.yes !== counts.no) return { kind: "decided", passed: counts.yes > counts.no, tieBreak: null };
  if (chairSays === null) return { kind: "tie-needs-chair" };
  return { kind: "decided", passed: chairSays === "yes", tieBreak: "chair" };
}
