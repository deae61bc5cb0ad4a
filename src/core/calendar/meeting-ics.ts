import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import type { Presentation } from "../../i18n/presentation.ts";
import type { Attachment } from "../../render/reply.ts";
import type { Group } from "../groups/group.ts";
import type { Meeting } from "../meetings/meeting.ts";
import { vtimezone } from "./vtimezone.ts";

/** A meeting as its calendar entry needs it: with the SEQUENCE its entry has reached. */
export interface CalendarMeeting {
  readonly group: Pick<Group, "id" | "name">;
  readonly meeting: Meeting;
  readonly sequence: number;
}

/** Meetings have no end time; calendars get two hours, the usual length of a working group's meeting. */
const meetingLengthHours = 2;
const isLink = (place: string | null): place is string => place !== null && /^https?:\/\//i.test(place.trim());

/** The meeting's UID: the same for every invitation and the feed, so a calendar updates one entry. */
export const meetingUid = (meetingId: string): string => `meeting-${meetingId}@council-bot`;

function addEvent(calendar: ReturnType<typeof ical>, p: Presentation, timeZone: string, entry: CalendarMeeting, cancelled: boolean): void {
  const { group, meeting, sequence } = entry;
  const start = DateTime.fromJSDate(meeting.startsAt, { zone: timeZone });
  const remote = isLink(meeting.place) ? meeting.place.trim() : null;
  calendar.createEvent({
    id: meetingUid(meeting.id),
    sequence,
    stamp: DateTime.fromJSDate(meeting.publishedAt ?? meeting.startsAt, { zone: "utc" }),
    start,
    end: start.plus({ hours: meetingLengthHours }),
    timezone: timeZone,
    summary: p.t("calendar.meeting", { group: group.name, number: meeting.number }),
    // The remote link goes in DESCRIPTION (and URL): clients show it where people look for it.
    description: [remote ? p.t("calendar.remote", { link: remote }) : null, p.t("calendar.agenda")].filter(Boolean).join("\n"),
    location: remote ?? meeting.place,
    url: remote,
    status: cancelled || meeting.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

const newCalendar = (name: string, timeZone: string, method: ICalCalendarMethod | null) =>
  ical({
    name,
    prodId: { company: "council-bot", product: "meetings", language: "FI" },
    ...(method ? { method } : {}),
    timezone: { name: timeZone, generator: vtimezone },
  });

/**
 * A meeting's invitation for a mail: METHOD:REQUEST (a new or moved meeting, its SEQUENCE raised
 * on every move) or METHOD:CANCEL with STATUS:CANCELLED. Same UID every time.
 */
export function meetingInvitation(p: Presentation, timeZone: string, entry: CalendarMeeting, kind: "request" | "cancel"): Attachment {
  const calendar = newCalendar(p.t("calendar.meeting", { group: entry.group.name, number: entry.meeting.number }), timeZone, kind === "cancel" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  addEvent(calendar, p, timeZone, entry, kind === "cancel");
  return { filename: "invite.ics", mimeType: `text/calendar; charset=utf-8; method=${kind === "cancel" ? "CANCEL" : "REQUEST"}`, content: calendar.toString() };
}

/** A group's subscribable feed: every meeting, cancelled ones marked so, each under its invitation's UID. */
export function groupFeed(p: Presentation, timeZone: string, group: Pick<Group, "id" | "name">, meetings: readonly CalendarMeeting[]): string {
  const calendar = newCalendar(p.t("calendar.feed-name", { group: group.name }), timeZone, ICalCalendarMethod.PUBLISH);
  for (const entry of meetings) addEvent(calendar, p, timeZone, entry, false);
  return calendar.toString();
}
