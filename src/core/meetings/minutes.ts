import type { Locale } from "../../i18n/locale.ts";
import { translator } from "../../i18n/translate.ts";
import type { MemberView } from "../groups/group.ts";
import { carriesOver, numberedAgenda, standardTitleKey } from "./agenda-order.ts";
import type { ActionItem, AgendaItem, Attendance, Meeting } from "./meeting.ts";
import type { Quorum } from "./quorum.ts";
import { showDate, showWhen } from "../shared/show-time.ts";

export interface MinutesInput {
  readonly group: { readonly name: string };
  readonly meeting: Meeting;
  readonly items: readonly AgendaItem[];
  readonly attendance: readonly Attendance[];
  readonly members: readonly MemberView[];
  readonly quorum: Quorum;
  readonly actions: readonly ActionItem[];
  readonly nameOf: (personId: string) => string;
}

/**
 * The minutes (pöytäkirja) as Markdown, in the group's language: attendance, quorum, every
 * agenda item numbered with its decision and vote, deferred items, action items, signatures.
 */
export function renderMinutes(locale: Locale, timeZone: string, input: MinutesInput): string {
  const t = translator(locale);
  const { meeting, quorum } = input;
  const lines: string[] = [];
  lines.push(`# ${t("minutes.title", { group: input.group.name, number: meeting.number })}`, "");
  lines.push(`**${t("minutes.time")}:** ${showWhen(meeting.openedAt ?? meeting.startsAt, timeZone, locale)}`);
  lines.push(`**${t("minutes.place")}:** ${meeting.place ?? t("meetings.no-place")}`, "");

  lines.push(`## ${t("minutes.attendance")}`, "");
  const byId = new Map(input.members.map((m) => [m.personId, m]));
  for (const a of input.attendance) {
    const member = byId.get(a.personId);
    const role = member ? t(`role.${member.role}`) : "—";
    const standsFor = a.forMemberId ?? (member?.role === "deputy" ? member.deputyOfId : null);
    const detail = standsFor ? t("minutes.standing-in", { member: input.nameOf(standsFor) }) : "";
    lines.push(`- ${input.nameOf(a.personId)} (${role}${detail})${a.mode === "remote" ? `, ${t("minutes.remote")}` : ""}`);
  }
  if (input.attendance.length === 0) lines.push(`- ${t("minutes.nobody")}`);
  const absent = absentMembers(input);
  if (absent.length) {
    lines.push("", `**${t("minutes.absent")}:** ${absent.map((m) => `${m.displayName} (${t(`role.${m.role}`)})`).join(", ")}`);
  }
  lines.push("", t(quorum.reached ? "minutes.quorum-reached" : "minutes.quorum-not-reached", { present: quorum.present, members: quorum.members, required: quorum.required }), "");

  lines.push(`## ${t("minutes.items")}`, "");
  for (const item of numberedAgenda(input.items)) {
    const title = item.standard ? t(standardTitleKey(item.standard)) : item.title;
    lines.push(`### ${item.number}. ${title}`, "");
    if (item.text) lines.push(item.text, "");
    if (item.link) lines.push(item.link, "");
    const decision = item.decision ?? (item.standard ? standardDecision(t, item.standard, input) : null);
    const missing = item.standard ? t("minutes.not-recorded") : t("minutes.no-decision");
    lines.push(`**${t("minutes.decision")}:** ${decision ?? missing}`);
    if (item.voteYes !== null) {
      lines.push(`**${t("minutes.vote")}:** ${t("minutes.vote-counts", { yes: item.voteYes, no: item.voteNo ?? 0, abstain: item.voteAbstain ?? 0 })}`);
    }
    lines.push("");
  }
  const deferred = input.items.filter((i) => i.status === "deferred" || carriesOver(i));
  if (deferred.length) {
    lines.push(`## ${t("minutes.deferred")}`, "", ...deferred.map((i) => `- ${i.title}`), "");
  }

  lines.push(`## ${t("minutes.actions")}`, "");
  if (input.actions.length === 0) lines.push(`- ${t("minutes.no-actions")}`);
  for (const a of input.actions) {
    lines.push(`- ${a.number}. ${a.text} — ${input.nameOf(a.ownerId)}, ${t("minutes.due", { date: showDate(a.dueDate, timeZone, locale) })}`);
  }
  lines.push("", `## ${t("minutes.signatures")}`, "", `${t("minutes.chair-signature")}: ______________________   ${t("minutes.secretary-signature")}: ______________________`, "");
  lines.push(t("minutes.checked"), "", "______________________   ______________________", "");
  if (meeting.closedAt) lines.push(`_${t("minutes.closed-at", { time: showWhen(meeting.closedAt, timeZone, locale) })}_`);
  return lines.join("\n");
}

/** What the standard items say when the chair recorded nothing else: facts the bot knows. */
function standardDecision(t: ReturnType<typeof translator>, kind: NonNullable<AgendaItem["standard"]>, input: MinutesInput): string | null {
  switch (kind) {
    case "legality":
      return t(input.quorum.reached ? "minutes.legal" : "minutes.not-legal");
    case "adoption":
      return t("minutes.agenda-adopted");
    case "opening":
      return input.meeting.openedAt ? t("minutes.opened") : null;
    case "closing":
      return input.meeting.closedAt ? t("minutes.closed") : null;
    case "checkers":
      return null;
  }
}

/** Who of the members, officers and deputies was not there: the minutes name them as absent. */
export function absentMembers(input: Pick<MinutesInput, "members" | "attendance">): MemberView[] {
  const here = new Set(input.attendance.map((a) => a.personId));
  return input.members.filter((m) => m.role !== "observer" && !here.has(m.personId));
}
