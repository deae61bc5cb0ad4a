import type { Presentation } from "../../i18n/presentation.ts";
import type { MemberView } from "../groups/group.ts";
import { carriesOver, numberedAgenda, standardTitleKey } from "./agenda-order.ts";
import type { ActionItem, AgendaItem, Attendance, Meeting } from "./meeting.ts";
import type { Quorum } from "./quorum.ts";
import { showTime } from "../shared/show-time.ts";
import { officialsSentence, signatureLines, type Official } from "./officials.ts";

export interface MinutesInput {
  readonly group: { readonly name: string };
  readonly meeting: Meeting;
  readonly items: readonly AgendaItem[];
  readonly attendance: readonly Attendance[];
  readonly members: readonly MemberView[];
  readonly quorum: Quorum;
  readonly actions: readonly ActionItem[];
  readonly nameOf: (personId: string) => string;
  /** The officials the meeting chose (chair, secretary, checkers, tellers), named in the signature lines. */
  readonly officials?: readonly Official[];
  /** The meeting's number in its year, "1/2027". */
  readonly yearNumber?: string;
  /** The legality line computed from the notice and quorum (notice.ts); without it, quorum alone. */
  readonly legality?: string;
  /** Lines under an item besides its decision: threshold, tie, recusals, dissents (item-notes.ts). */
  readonly notesOf?: (itemId: string) => readonly string[];
  /** The section on elections closed in the meeting's window, with their records' hashes (minutes-elections.ts). */
  readonly electionLines?: readonly string[];
}

/**
 * The minutes (pöytäkirja) as Markdown, in the group's language: attendance, quorum, every
 * agenda item numbered with its decision and vote, deferred items, action items, signatures.
 */
export function renderMinutes(p: Presentation, input: MinutesInput): string {
  const { meeting, quorum } = input;
  const lines: string[] = [];
  const year = input.yearNumber ? ` (${input.yearNumber})` : "";
  lines.push(`# ${p.t("minutes.title", { group: input.group.name, number: meeting.number })}${year}`, "");
  lines.push(`**${p.t("minutes.time")}:** ${showTime(p, "weekdayDateTime", meeting.openedAt ?? meeting.startsAt)}`);
  lines.push(`**${p.t("minutes.place")}:** ${meeting.place ?? p.t("meetings.no-place")}`, "");

  lines.push(`## ${p.t("minutes.attendance")}`, "");
  const byId = new Map(input.members.map((m) => [m.personId, m]));
  for (const a of input.attendance) {
    const member = byId.get(a.personId);
    const role = member ? p.t(`role.${member.role}`) : "—";
    const standsFor = a.forMemberId ?? (member?.role === "deputy" ? member.deputyOfId : null);
    const detail = standsFor ? p.t("minutes.standing-in", { member: input.nameOf(standsFor) }) : "";
    lines.push(`- ${input.nameOf(a.personId)} (${role}${detail})${a.mode === "remote" ? `, ${p.t("minutes.remote")}` : ""}`);
  }
  if (input.attendance.length === 0) lines.push(`- ${p.t("minutes.nobody")}`);
  const absent = absentMembers(input);
  if (absent.length) {
    lines.push("", `**${p.t("minutes.absent")}:** ${absent.map((m) => `${m.displayName} (${p.t(`role.${m.role}`)})`).join(", ")}`);
  }
  lines.push("", p.t(quorum.reached ? "minutes.quorum-reached" : "minutes.quorum-not-reached", { present: quorum.present, members: quorum.members, required: quorum.required }), "");

  lines.push(`## ${p.t("minutes.items")}`, "");
  for (const item of numberedAgenda(input.items)) {
    const title = item.standard ? p.t(standardTitleKey(item.standard)) : item.title;
    lines.push(`### ${item.number}. ${title}`, "");
    if (item.text) lines.push(item.text, "");
    if (item.link) lines.push(item.link, "");
    const decision = item.decision ?? (item.standard ? standardDecision(p, item.standard, input) : null);
    const missing = item.standard ? p.t("minutes.not-recorded") : p.t("minutes.no-decision");
    lines.push(`**${p.t("minutes.decision")}:** ${decision ?? missing}`);
    if (item.voteYes !== null) {
      lines.push(`**${p.t("minutes.vote")}:** ${p.t("minutes.vote-counts", { yes: item.voteYes, no: item.voteNo ?? 0, abstain: item.voteAbstain ?? 0 })}`);
    }
    lines.push(...(input.notesOf?.(item.id) ?? []));
    lines.push("");
  }
  const deferred = input.items.filter((i) => i.status === "deferred" || carriesOver(i));
  if (deferred.length) {
    lines.push(`## ${p.t("minutes.deferred")}`, "", ...deferred.map((i) => `- ${i.title}`), "");
  }
  lines.push(...(input.electionLines ?? []));

  lines.push(`## ${p.t("minutes.actions")}`, "");
  if (input.actions.length === 0) lines.push(`- ${p.t("minutes.no-actions")}`);
  for (const a of input.actions) {
    lines.push(`- ${a.number}. ${a.text} — ${input.nameOf(a.ownerId)}, ${p.t("minutes.due", { date: showTime(p, "date", a.dueDate) })}`);
  }
  lines.push("", `## ${p.t("minutes.signatures")}`, "", ...signatureLines(p, input.officials ?? []));
  if (meeting.closedAt) lines.push(`_${p.t("minutes.closed-at", { time: showTime(p, "weekdayDateTime", meeting.closedAt) })}_`);
  return lines.join("\n");
}

/** What the standard items say when the chair recorded nothing else: facts the bot knows. */
function standardDecision(p: Presentation, kind: NonNullable<AgendaItem["standard"]>, input: MinutesInput): string | null {
  switch (kind) {
    case "legality":
      return input.legality ?? p.t(input.quorum.reached ? "minutes.legal" : "minutes.not-legal");
    case "adoption":
      // A meeting without a quorum decides nothing, its order of business included.
      return p.t(input.quorum.reached ? "minutes.agenda-adopted" : "minutes.agenda-not-adopted");
    case "opening":
      return input.meeting.openedAt ? p.t("minutes.opened") : null;
    case "closing":
      return input.meeting.closedAt ? p.t("minutes.closed") : null;
    case "checkers": {
      const chosen = officialsSentence(p, input.officials ?? []);
      return chosen ? p.t("officials.chosen", { list: chosen }) : null;
    }
  }
}

/** Who of the members, officers and deputies was not there: the minutes name them as absent. */
export function absentMembers(input: Pick<MinutesInput, "members" | "attendance">): MemberView[] {
  const here = new Set(input.attendance.map((a) => a.personId));
  // A deputy is needed only when their member is away: the deputy of a member who came is not absent.
  return input.members.filter((m) => m.role !== "observer" && !here.has(m.personId) && !(m.role === "deputy" && m.deputyOfId !== null && here.has(m.deputyOfId)));
}
