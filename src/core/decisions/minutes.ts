import type { Presentation } from "../../i18n/presentation.ts";
import { showTime } from "../shared/show-time.ts";
import type { DecisionCount } from "./count.ts";
import { challengeDeadline, type Decision, type DecisionVoter } from "./decision.ts";

export interface DecisionMinutesInput {
  readonly group: { readonly name: string };
  readonly decision: Decision;
  readonly closedAt: Date;
  readonly voters: readonly DecisionVoter[];
  readonly count: DecisionCount;
  readonly nameOf: (personId: string) => string;
  /** Everyone answered before the deadline. */
  readonly early: boolean;
}

/**
 * The dated minutes of a decision made without a meeting (§31(2)): the procedure, each seat's
 * answer (voting is open), the count, the decision and the last day to challenge it (§32).
 */
export function renderDecisionMinutes(p: Presentation, input: DecisionMinutesInput): string {
  const { decision, count } = input;
  const when = (at: Date) => showTime(p, "dateTime", at);
  const lines: string[] = [];
  lines.push(`# ${p.t("decision.minutes.title", { group: input.group.name, number: decision.number })}`, "");
  lines.push(`**${p.t("decision.minutes.date")}:** ${when(input.closedAt)}`, "");
  lines.push(`## ${p.t("decision.minutes.proposal")}`, "", decision.proposal, "");
  lines.push(`## ${p.t("decision.minutes.procedure")}`, "");
  lines.push(`- ${p.t("decision.minutes.proposed", { name: input.nameOf(decision.createdById), when: when(decision.createdAt) })}`);
  lines.push(`- ${p.t(`decision.mode.${decision.mode}`)}`);
  lines.push(`- ${p.t(input.early ? "decision.minutes.all-answered" : "decision.minutes.deadline", { when: when(input.early ? input.closedAt : decision.deadline) })}`);
  lines.push(`- ${p.t("decision.minutes.lot", { hash: decision.seedHash, seed: decision.seed })}`, "");
  lines.push(`## ${p.t("decision.minutes.answers")}`, "");
  for (const v of input.voters) {
    const answer = v.answer ? p.t(`decision.answer.${v.answer}`) : p.t("decision.minutes.no-answer");
    const by = v.answeredBy && v.answeredBy !== v.personId ? ` ${p.t("decision.minutes.by-deputy", { deputy: input.nameOf(v.answeredBy) })}` : "";
    const at = v.answeredAt ? ` (${when(v.answeredAt)})` : "";
    lines.push(`- ${input.nameOf(v.personId)}: ${answer}${by}${at}`);
  }
  lines.push("", `## ${p.t("decision.minutes.result")}`, "");
  lines.push(p.t("decision.minutes.counts", { yes: count.yes, no: count.no, abstain: count.abstain, unanswered: count.unanswered }), "");
  const outcome = p.t(count.passed ? "decision.outcome.passed" : "decision.outcome.rejected");
  lines.push(`**${p.t("decision.minutes.decision")}:** ${outcome}${count.byLot ? ` ${p.t("decision.minutes.by-lot")}` : ""}`, "");
  lines.push(`_${p.t("decision.minutes.challenge", { date: showTime(p, "date", challengeDeadline(input.closedAt, p.timeZone)) })}_`);
  return lines.join("\n");
}
