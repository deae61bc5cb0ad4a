import type { Locale } from "../../i18n/locale.ts";
import type { Translator } from "../../i18n/translate.ts";
import { context, fields, heading, list, onlyYou, text, toChannel, withAttachment } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { Group } from "../groups/group.ts";
import type { ActionView } from "./action-service.ts";
import { numberedAgenda, standardTitleKey } from "./agenda-order.ts";
import type { AgendaItem, Meeting } from "./meeting.ts";
import type { MeetingView } from "./service.ts";
import { showDate, showWhen } from "../shared/show-time.ts";

type Numbered = AgendaItem & { number: number };

/** "5. Budjetti 2027 (myöhästynyt, odottaa hyväksyntää)" */
export function itemLine(t: Translator, item: Numbered): string {
  const title = item.standard ? t(standardTitleKey(item.standard)) : item.title;
  const notes = [
    item.status === "pending" ? t("agenda.pending") : null,
    item.decision ? t("agenda.decided-note") : null,
  ].filter(Boolean);
  const detail = item.text ? `\n${item.text}` : "";
  const link = item.link ? `\n${item.link}` : "";
  return `${item.number}. ${title}${notes.length ? ` (${notes.join(", ")})` : ""}${detail}${link}`;
}

const statusKey = (status: Meeting["status"]) => `meetings.status.${status}` as const;

export function meetingHeading(t: Translator, group: Pick<Group, "name">, meeting: Meeting): string {
  return t("meetings.heading", { group: group.name, number: meeting.number });
}

export function meetingFields(t: Translator, timeZone: string, locale: Locale, meeting: Meeting) {
  return fields(
    [t("meetings.field.when"), showWhen(meeting.startsAt, timeZone, locale)],
    [t("meetings.field.place"), meeting.place ?? t("meetings.no-place")],
    [t("meetings.field.deadline"), showWhen(meeting.agendaDeadline, timeZone, locale)],
    [t("meetings.field.status"), t(statusKey(meeting.status))],
  );
}

export function scheduledReply(t: Translator, timeZone: string, locale: Locale, ref: { group: Group; meeting: Meeting }, key: "meetings.scheduled" | "meetings.rescheduled" | "meetings.cancelled" | "meetings.deadline-set"): Reply {
  return onlyYou(text(t(key, { group: ref.group.name, number: ref.meeting.number })), meetingFields(t, timeZone, locale, ref.meeting));
}

export function meetingListReply(t: Translator, timeZone: string, locale: Locale, group: Group, meetings: readonly Meeting[], now: Date): Reply {
  if (meetings.length === 0) return onlyYou(text(t("meetings.none", { group: group.name })));
  const line = (m: Meeting) => `${m.number}. ${showWhen(m.startsAt, timeZone, locale)} · ${m.place ?? t("meetings.no-place")} · ${t(statusKey(m.status))}`;
  const upcoming = meetings.filter((m) => m.startsAt >= now && m.status !== "closed");
  const past = meetings.filter((m) => !upcoming.includes(m));
  return onlyYou(
    heading(t("meetings.list-title", { group: group.name })),
    text(`*${t("meetings.upcoming")}*`),
    upcoming.length ? list(upcoming.map(line)) : text("—"),
    text(`*${t("meetings.past")}*`),
    past.length ? list([...past].reverse().map(line)) : text("—"),
  );
}

export function meetingShowReply(t: Translator, timeZone: string, locale: Locale, view: MeetingView): Reply {
  const name = (id: string) => view.members.find((m) => m.personId === id)?.displayName ?? "—";
  const present = view.attendance.map((a) => `${name(a.personId)}${a.mode === "remote" ? ` (${t("minutes.remote")})` : ""}`);
  return onlyYou(
    heading(meetingHeading(t, view.group, view.meeting)),
    meetingFields(t, timeZone, locale, view.meeting),
    text(`*${t("meetings.agenda")}*`),
    list(view.agenda.map((i) => itemLine(t, i))),
    fields(
      [t("meetings.field.present"), present.join(", ") || "—"],
      [t("meetings.field.quorum"), t(view.quorum.reached ? "meetings.quorum.yes" : "meetings.quorum.no", { present: view.quorum.present, members: view.quorum.members, required: view.quorum.required })],
    ),
  );
}

export function agendaListReply(t: Translator, ref: { group: Group; meeting: Meeting; items: readonly AgendaItem[] }): Reply {
  const agenda = numberedAgenda(ref.items);
  const rejected = ref.items.filter((i) => i.status === "rejected");
  return onlyYou(
    heading(t("agenda.title", { group: ref.group.name, number: ref.meeting.number })),
    list(agenda.map((i) => itemLine(t, i))),
    ...(rejected.length ? [context(t("agenda.rejected-list", { titles: rejected.map((i) => i.title).join("; ") }))] : []),
    context(t(ref.meeting.publishedAt ? "agenda.is-published" : "agenda.not-published")),
  );
}

/** The published agenda, as the whole channel reads it. */
export function agendaPost(t: Translator, timeZone: string, locale: Locale, ref: { group: Group; meeting: Meeting; agenda: readonly Numbered[] }): Reply {
  return toChannel(
    heading(t("agenda.published-title", { group: ref.group.name, number: ref.meeting.number })),
    meetingFields(t, timeZone, locale, ref.meeting),
    list(ref.agenda.map((i) => itemLine(t, i))),
  );
}

export function amendmentPost(t: Translator, ref: { group: Group; meeting: Meeting }, kind: string, item: AgendaItem, agenda: readonly Numbered[]): Reply {
  return toChannel(
    text(t("agenda.amendment", { group: ref.group.name, number: ref.meeting.number, change: t(`agenda.amendment.${kind}` as "agenda.amendment.added"), title: item.title })),
    list(agenda.map((i) => itemLine(t, i))),
  );
}

export function rejectionNotice(t: Translator, group: Group, meeting: Meeting, item: AgendaItem): Reply {
  return onlyYou(text(t("agenda.rejected-notice", { title: item.title, group: group.name, number: meeting.number, reason: item.reason ?? "—" })));
}

/** The minutes as a Markdown file, named so that a folder of them sorts by group and meeting. */
export const minutesFile = (group: Pick<Group, "name">, meeting: Pick<Meeting, "number">, content: string) => ({
  filename: `${group.name.toLocaleLowerCase("fi").replace(/\s+/g, "-")}-${meeting.number}.md`,
  mimeType: "text/markdown",
  content,
});

export function minutesPost(t: Translator, view: MeetingView & { minutes: string }): Reply {
  return withAttachment(
    toChannel(text(t("minutes.posted", { group: view.group.name, number: view.meeting.number }))),
    minutesFile(view.group, view.meeting, view.minutes),
  );
}

export function actionListReply(t: Translator, timeZone: string, locale: Locale, title: string, actions: readonly ActionView[]): Reply {
  if (actions.length === 0) return onlyYou(text(t("actions.none")));
  return onlyYou(
    heading(title),
    list(
      actions.map((a) =>
        t(a.doneAt ? "actions.line-done" : "actions.line", { group: a.groupName, number: a.number, text: a.text, owner: a.ownerName, due: showDate(a.dueDate, timeZone, locale) }),
      ),
    ),
  );
}
