import type { Presentation } from "../../i18n/presentation.ts";
import { buttons, context, fields, heading, list, onlyYou, text, toChannel, withAttachment } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import { linkTo } from "../shared/links.ts";
import { showTime } from "../shared/show-time.ts";
import { nameSlug } from "../shared/words.ts";
import type { Answer, Decision, DecisionVoter } from "./decision.ts";

const answers: readonly Answer[] = ["yes", "no", "abstain"];

/** Yes / no / abstain, each running `decision answer` as whoever presses it. */
const answerButtons = (p: Presentation, group: { name: string }, decision: Decision) =>
  buttons(
    ...answers.map((answer) => ({
      label: p.t(`decision.answer.${answer}`),
      call: linkTo("decision answer", { group: group.name, number: decision.number, answer }),
      ...(answer === "yes" ? { style: "primary" as const } : {}),
    })),
  );

/** The proposal with its answer buttons: posted to the group's channel and to each member. */
export function proposalPost(p: Presentation, group: { name: string }, decision: Decision, visibility: "channel" | "direct"): Reply {
  const body = [
    heading(p.t("decision.proposal.title", { group: group.name, number: decision.number })),
    text(decision.proposal),
    fields(
      [p.t("decision.deadline"), showTime(p, "weekdayDateTime", decision.deadline)],
      [p.t("decision.mode"), p.t(`decision.mode.${decision.mode}`)],
    ),
    answerButtons(p, group, decision),
    context(p.t("decision.proposal.footer", { hash: decision.seedHash.slice(0, 16), group: group.name, number: decision.number })),
  ];
  return { ...toChannel(...body), visibility };
}

export function answeredReply(p: Presentation, decision: Decision, answer: Answer, forMember: string | null): Reply {
  return onlyYou(
    text(
      forMember
        ? p.t("decision.answered-for", { number: decision.number, answer: p.t(`decision.answer.${answer}`), member: forMember })
        : p.t("decision.answered", { number: decision.number, answer: p.t(`decision.answer.${answer}`) }),
    ),
  );
}

/** Where a decision stands: who has answered (not what, until it closes), or its minutes. */
export function decisionReply(p: Presentation, group: { name: string }, decision: Decision, voters: readonly DecisionVoter[], nameOf: (id: string) => string): Reply {
  const answered = voters.filter((v) => v.answer !== null).length;
  const base = onlyYou(
    heading(p.t("decision.proposal.title", { group: group.name, number: decision.number })),
    text(decision.proposal),
    fields(
      [p.t("decision.deadline"), showTime(p, "weekdayDateTime", decision.deadline)],
      [p.t("decision.mode"), p.t(`decision.mode.${decision.mode}`)],
      [p.t("decision.state"), decision.outcome ? p.t(`decision.outcome.${decision.outcome}`) : p.t("decision.state.open", { answered, total: voters.length })],
    ),
    ...(decision.outcome
      ? []
      : [list(voters.filter((v) => v.answer === null).map((v) => p.t("decision.waiting-for", { name: nameOf(v.personId) }))), answerButtons(p, group, decision)]),
  );
  return decision.minutes ? withAttachment(base, decisionMinutesFile(group, decision, decision.minutes)) : base;
}

export const decisionMinutesFile = (group: { name: string }, decision: Pick<Decision, "number">, content: string) => ({
  filename: `${nameSlug(group.name)}-paatos-${decision.number}.md`,
  mimeType: "text/markdown",
  content,
});

export function decisionMinutesPost(p: Presentation, group: { name: string }, decision: Decision, minutes: string): Reply {
  return withAttachment(
    toChannel(text(p.t("decision.closed-post", { group: group.name, number: decision.number, outcome: p.t(`decision.outcome.${decision.outcome ?? "rejected"}`) }))),
    decisionMinutesFile(group, decision, minutes),
  );
}
