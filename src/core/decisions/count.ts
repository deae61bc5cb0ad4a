import { createLot } from "../elections/counting/lot.ts";
import type { Decision, DecisionVoter } from "./decision.ts";

export interface DecisionCount {
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  /** Seats that gave no answer by the close. */
  readonly unanswered: number;
  readonly passed: boolean;
  /** A majority tie decided by the committed lot (§27(2): outside a meeting, by lot). */
  readonly byLot: boolean;
}

/**
 * The count of a decision without a meeting. Majority: more yes than no among the answers;
 * abstentions count for neither; a tie (but not 0–0: nobody supported it) is drawn by lot from the
 * seed whose hash was published with the proposal, so anyone can repeat the draw. Unanimous: every
 * seat answered yes, each by the member in person.
 */
export function countDecision(decision: Pick<Decision, "id" | "mode" | "seed">, voters: readonly DecisionVoter[]): DecisionCount {
  const yes = voters.filter((v) => v.answer === "yes").length;
  const no = voters.filter((v) => v.answer === "no").length;
  const abstain = voters.filter((v) => v.answer === "abstain").length;
  const unanswered = voters.length - yes - no - abstain;
  if (decision.mode === "unanimous") {
    const passed = voters.length > 0 && voters.every((v) => v.answer === "yes" && v.answeredBy === v.personId);
    return { yes, no, abstain, unanswered, passed, byLot: false };
  }
  if (yes !== no || yes === 0) return { yes, no, abstain, unanswered, passed: yes > no, byLot: false };
  const [drawn] = createLot(decision.seed).order(`decision:${decision.id}`, ["yes", "no"]);
  return { yes, no, abstain, unanswered, passed: drawn === "yes", byLot: true };
}
