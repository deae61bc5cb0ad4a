import { typedName } from "../shared/words.ts";
import type { Presentation } from "../../i18n/presentation.ts";
import { msg } from "../../i18n/translate.ts";
import { context } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { Group } from "../groups/group.ts";
import type { GroupRules } from "../groups/rules.ts";
import { refuse } from "../shared/refusal.ts";
import { showTime } from "../shared/show-time.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { MeetingNotice } from "./law.ts";
import type { AgendaItem, Meeting } from "./meeting.ts";
import type { Quorum } from "./quorum.ts";
import { registrationDeadline } from "./registration.ts";

const day = 86_400_000;

/** Why a meeting was not lawfully called, or null when it was. */
export type NoticeFault = "no-notice" | "no-channel" | "late" | "moved";

/**
 * §24: a meeting is lawfully called when its notice went out as the rules say: through the group's
 * channel, at least the notice period before the meeting, for the time the meeting then had.
 */
export function noticeFault(notice: MeetingNotice | null, meeting: Pick<Meeting, "startsAt">): NoticeFault | null {
  if (!notice) return "no-notice";
  if (!notice.channelId) return "no-channel";
  if (notice.startsAt.getTime() !== meeting.startsAt.getTime()) return "moved";
  if (meeting.startsAt.getTime() - notice.sentAt.getTime() < notice.noticeDays * day) return "late";
  return null;
}

export interface Legality {
  readonly fault: NoticeFault | null;
  readonly quorate: boolean;
}

export const isLawful = (legality: Legality): boolean => legality.fault === null && legality.quorate;

/** The minutes' legality line: lawfully called and quorate, or what was missing. */
export function legalityLine(p: Presentation, legality: Legality, notice: MeetingNotice | null): string {
  if (isLawful(legality)) return p.t("minutes.lawful", { sent: notice ? showTime(p, "dateTime", notice.sentAt) : "—", days: notice?.noticeDays ?? 0 });
  const parts: string[] = [];
  if (legality.fault) parts.push(p.t(`minutes.notice.${legality.fault}`, { sent: notice ? showTime(p, "dateTime", notice.sentAt) : "—", days: notice?.noticeDays ?? 0 }));
  parts.push(p.t(legality.quorate ? "minutes.quorate" : "minutes.not-quorate"));
  return parts.join(" ");
}

export async function legalityOf(stores: Stores, meeting: Meeting, quorum: Quorum): Promise<{ legality: Legality; notice: MeetingNotice | null }> {
  const notice = await stores.law.notice(meeting.id);
  return { legality: { fault: noticeFault(notice, meeting), quorate: quorum.reached }, notice };
}

/** Publishing the agenda is the notice: records when, through which channel, for which start. */
export async function recordNotice(stores: Stores, group: Group, meeting: Meeting, sentAt: Date): Promise<MeetingNotice> {
  const notice = { meetingId: meeting.id, sentAt, channelId: group.channelId, startsAt: meeting.startsAt, noticeDays: group.rules["notice"] };
  await stores.law.saveNotice(notice);
  return notice;
}

/** What the notice says besides the agenda: remote participation and registration, per the rules. */
export function noticeTerms(p: Presentation, rules: GroupRules, meeting: Meeting): Reply["blocks"] {
  const lines = [p.t(rules.remote === "yes" ? "notice.remote-allowed" : "notice.remote-not-allowed")];
  const by = registrationDeadline(rules, meeting);
  if (by) lines.push(p.t("notice.register-by", { when: showTime(p, "weekdayDateTime", by) }));
  return lines.map((line) => context(line));
}

/** A person disqualified on an item (§26) takes no part in deciding it, recording the decision included. */
export async function requireNotRecused(stores: Stores, item: AgendaItem, personId: string, number: number): Promise<void> {
  if ((await stores.law.recusals([item.id])).some((r) => r.personId === personId)) refuse("agenda.recused", { number });
}

/**
 * An item of a kind that must be named in the notice (law.ts) cannot be decided when it was added
 * after the notice went out, or when no notice went out at all.
 */
export async function requireInNotice(stores: Stores, meeting: Meeting, item: AgendaItem, number: number, group: Pick<Group, "name">): Promise<void> {
  const [law] = await stores.law.items([item.id]);
  if (!law?.kind) return;
  const notice = await stores.law.notice(meeting.id);
  if (!notice || item.createdAt.getTime() > notice.sentAt.getTime()) refuse("agenda.not-in-notice", { number, kind: msg(`agenda.kind.${law.kind}`), group: typedName(group.name) });
}
