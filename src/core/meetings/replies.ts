import type { Presentation } from "../../i18n/presentation.ts";
import { context, fields, heading, list, onlyYou, text, toChannel, withAttachment } from "../../render/build.ts";
import type { CommandCall, Reply } from "../../render/reply.ts";
import { pageFooter } from "../../render/paging.ts";
import { pageCount, type Page } from "../shared/page.ts";
import type { Group } from "../groups/group.ts";
import type { ActionView } from "./action-service.ts";
import { numberedAgenda, standardTitleKey } from "./agenda-order.ts";
import type { AgendaItem, Meeting } from "./meeting.ts";
import type { MeetingListPage } from "./meeting-list.ts";
import type { MeetingView } from "./service.ts";
import { showTime } from "../shared/show-time.ts";
import { nameSlug } from "../shared/words.ts";
import { minutesStateLine, type MinutesSummary } from "./minutes-approval.ts";
import { officialsSentence } from "./officials.ts";

type Numbered = AgendaItem & { number: number };

/** "5. Budjetti 2027 (myöhästynyt, odottaa hyväksyntää)" */
export function itemLine(p: Presentation, item: Numbered): string {
  const title = item.standard ? p.t(standardTitleKey(item.standard)) : item.title;
  const notes = [
    item.status === "pending" ? p.t("agenda.pending") : null,
    item.decision ? p.t("agenda.decided-note") : null,
  ].filter(Boolean);
  const detail = item.text ? `\n${item.text}` : "";
  const link = item.link ? `\n${item.link}` : "";
  return `${item.number}. ${title}${notes.length ? ` (${notes.join(", ")})` : ""}${detail}${link}`;
}

const statusKey = (status: Meeting["status"]) => `meetings.status.${status}` as const;

export function meetingHeading(p: Presentation, group: Pick<Group, "name">, meeting: Meeting): string {
  return p.t("meetings.heading", { group: group.name, number: meeting.number });
}

export function meetingFields(p: Presentation, meeting: Meeting) {
  return fields(
    [p.t("meetings.field.when"), showTime(p, "weekdayDateTime", meeting.startsAt)],
    [p.t("meetings.field.place"), meeting.place ?? p.t("meetings.no-place")],
    [p.t("meetings.field.deadline"), showTime(p, "weekdayDateTime", meeting.agendaDeadline)],
    [p.t("meetings.field.status"), p.t(statusKey(meeting.status))],
  );
}

export function scheduledReply(p: Presentation, ref: { group: Group; meeting: Meeting }, key: "meetings.scheduled" | "meetings.rescheduled" | "meetings.cancelled" | "meetings.deadline-set"): Reply {
  return onlyYou(text(p.t(key, { group: ref.group.name, number: ref.meeting.number })), meetingFields(p, ref.meeting));
}

/**
 * A page of the group's meetings: upcoming, then past. A part's heading shows where the page has
 * some of it, or "—" where that part is empty and the page is where it would be.
 */
export function meetingListReply(p: Presentation, meetings: MeetingListPage): Reply {
  const { group, page, upcoming, past, counts } = meetings;
  if (page.total === 0) return onlyYou(text(p.t("meetings.none", { group: group.name })));
  const line = (m: Meeting) => {
    const year = meetings.yearNumbers.get(m.id);
    const minutes = meetings.minutes.get(m.id);
    const tail = minutes ? ` · ${p.t("minutes.status-label")}: ${minutesStateLine(p, minutes)}` : "";
    return `${m.number}. ${year ? `(${year}) ` : ""}${showTime(p, "weekdayDateTime", m.startsAt)} · ${m.place ?? p.t("meetings.no-place")} · ${p.t(statusKey(m.status))}${tail}`;
  };
  const part = (title: string, rows: readonly Meeting[], emptyHere: boolean) =>
    rows.length ? [text(`*${title}*`), list(rows.map(line))] : emptyHere ? [text(`*${title}*`), text("—")] : [];
  return onlyYou(
    heading(p.t("meetings.list-title", { group: group.name })),
    ...part(p.t("meetings.upcoming"), upcoming, counts.upcoming === 0 && page.page === 1),
    ...part(p.t("meetings.past"), past, counts.past === 0 && page.page === pageCount(page)),
    ...pageFooter(p, page, { command: "meeting list", args: { group: group.name } }),
  );
}

export function meetingShowReply(p: Presentation, view: MeetingView): Reply {
  const name = (id: string) => view.members.find((m) => m.personId === id)?.displayName ?? "—";
  const present = view.attendance.map((a) => `${name(a.personId)}${a.mode === "remote" ? ` (${p.t("minutes.remote")})` : ""}`);
  const officials = officialsSentence(p, view.officials);
  const registered = view.registrations.map((r) => `${name(r.personId)}${r.mode === "remote" ? ` (${p.t("minutes.remote")})` : ""}`);
  return onlyYou(
    heading(`${meetingHeading(p, view.group, view.meeting)} (${view.yearNumber})`),
    meetingFields(p, view.meeting),
    text(`*${p.t("meetings.agenda")}*`),
    list(view.agenda.map((i) => itemLine(p, i))),
    fields(
      ...(view.group.rules["registration"] > 0 ? [[p.t("meetings.field.registered"), registered.join(", ") || "—"] as const] : []),
      [p.t("meetings.field.present"), present.join(", ") || "—"],
      [p.t("meetings.field.quorum"), p.t(view.quorum.reached ? "meetings.quorum.yes" : "meetings.quorum.no", { present: view.quorum.present, members: view.quorum.members, required: view.quorum.required })],
      ...(officials ? [[p.t("officials.label"), officials] as const] : []),
      ...(view.minutesState ? [[p.t("minutes.status-label"), minutesStateLine(p, view.minutesState)] as const] : []),
    ),
  );
}

export function agendaListReply(
  p: Presentation,
  ref: { group: Group; meeting: Meeting; agenda: Page<Numbered>; rejected: readonly AgendaItem[] },
  more: CommandCall,
): Reply {
  const { agenda, rejected } = ref;
  return onlyYou(
    heading(p.t("agenda.title", { group: ref.group.name, number: ref.meeting.number })),
    list(agenda.items.map((i) => itemLine(p, i))),
    ...(rejected.length ? [context(p.t("agenda.rejected-list", { titles: rejected.map((i) => i.title).join("; ") }))] : []),
    context(p.t(ref.meeting.publishedAt ? "agenda.is-published" : "agenda.not-published")),
    ...pageFooter(p, agenda, more),
  );
}

/** The published agenda, as the whole channel reads it. */
export function agendaPost(p: Presentation, ref: { group: Group; meeting: Meeting; agenda: readonly Numbered[] }): Reply {
  return toChannel(
    heading(p.t("agenda.published-title", { group: ref.group.name, number: ref.meeting.number })),
    meetingFields(p, ref.meeting),
    list(ref.agenda.map((i) => itemLine(p, i))),
  );
}

export function amendmentPost(p: Presentation, ref: { group: Group; meeting: Meeting }, kind: string, item: AgendaItem, agenda: readonly Numbered[]): Reply {
  return toChannel(
    text(p.t("agenda.amendment", { group: ref.group.name, number: ref.meeting.number, change: p.t(`agenda.amendment.${kind}` as "agenda.amendment.added"), title: item.title })),
    list(agenda.map((i) => itemLine(p, i))),
  );
}

export function rejectionNotice(p: Presentation, group: Group, meeting: Meeting, item: AgendaItem): Reply {
  return onlyYou(text(p.t("agenda.rejected-notice", { title: item.title, group: group.name, number: meeting.number, reason: item.reason ?? "—" })));
}

/** The minutes as a Markdown file, named so that a folder of them sorts by group and meeting. */
export const minutesFile = (group: Pick<Group, "name">, meeting: Pick<Meeting, "number">, content: string) => ({
  filename: `${nameSlug(group.name)}-${meeting.number}.md`,
  mimeType: "text/markdown",
  content,
});

export function minutesPost(p: Presentation, view: MeetingView & { minutes: string }): Reply {
  return withAttachment(
    toChannel(text(p.t("minutes.posted", { group: view.group.name, number: view.meeting.number }))),
    minutesFile(view.group, view.meeting, view.minutes),
  );
}

export function actionListReply(p: Presentation, title: string, actions: Page<ActionView>, more: CommandCall): Reply {
  if (actions.total === 0) return onlyYou(text(p.t("actions.none")));
  return onlyYou(
    heading(title),
    list(
      actions.items.map((a) =>
        p.t(a.doneAt ? "actions.line-done" : "actions.line", { group: a.groupName, number: a.number, text: a.text, owner: a.ownerName, due: showTime(p, "date", a.dueDate) }),
      ),
    ),
    ...pageFooter(p, actions, more),
  );
}
