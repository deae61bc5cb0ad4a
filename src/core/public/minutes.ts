import type { Meeting } from "../meetings/meeting.ts";
import { minutesHash, type MinutesState, type MinutesStatus } from "../meetings/minutes-state.ts";
import { yearNumber, yearNumberOf } from "../meetings/year-number.ts";
import type { Stores } from "../shared/unit-of-work.ts";

// Which minutes the public pages show: those the checkers checked or a later meeting approved
// (§31), final and unchangeable. A draft, corrected or waiting for approval, is not public, so it is
// absent here and its page answers 404 like a meeting that never was. Minutes name the members
// present (an association's minutes do); they hold no ballot, so no voter's choice.

/** Final minutes as listed on the group's page. */
export interface PublishedMinutesEntry {
  /** The meeting's number in its group (what people type: `minutes show Viestintä 4`). */
  readonly number: number;
  /** "1/2027": its number in its year. */
  readonly yearNumber: string;
  /** When the meeting was held. */
  readonly heldAt: Date;
  readonly state: Exclude<MinutesState, "draft">;
  /** When they became final: checked by the last checker, or approved by a meeting. */
  readonly finalAt: Date | null;
  /** The meeting that approved them, "4 (1/2027)", on that path. */
  readonly approvedAt: string | null;
}

/** Final minutes with their text, exactly as approved, and its SHA-256. */
export interface PublishedMinutes {
  readonly group: { readonly id: string; readonly name: string };
  readonly entry: PublishedMinutesEntry;
  readonly text: string;
  readonly hash: string;
}

const finalState = (status: MinutesStatus | undefined): Exclude<MinutesState, "draft"> | null =>
  status && status.state !== "draft" ? status.state : null;

/** The group's final minutes, earliest meeting first. */
export async function finalMinutesOf(stores: Stores, groupId: string, timeZone: string): Promise<{ meeting: Meeting & { minutes: string }; entry: PublishedMinutesEntry }[]> {
  const meetings = await stores.meetings.list(groupId);
  const closed = meetings.filter((m): m is Meeting & { minutes: string } => m.minutes !== null);
  const statuses = new Map((await stores.minutes.statuses(closed.map((m) => m.id))).map((s) => [s.meetingId, s]));
  return closed.flatMap((meeting) => {
    const status = statuses.get(meeting.id);
    const state = finalState(status);
    if (!state || !status) return [];
    const approver = meetings.find((m) => m.id === status.approvedAtMeetingId);
    const approvedAt = approver ? `${approver.number} (${yearNumber(meetings, approver, timeZone)})` : null;
    return [{ meeting, entry: entryOf(meeting, yearNumber(meetings, meeting, timeZone), state, status, approvedAt) }];
  });
}

/** Meeting `number`'s final minutes as `finalMinutesOf` gives them, read for that meeting alone; null when not final. */
export async function finalMinutesOfMeeting(stores: Stores, groupId: string, number: number, timeZone: string): Promise<{ meeting: Meeting & { minutes: string }; entry: PublishedMinutesEntry } | null> {
  const meeting = await stores.meetings.find(groupId, number);
  if (!meeting || meeting.minutes === null) return null;
  const [status] = await stores.minutes.statuses([meeting.id]);
  const state = finalState(status);
  if (!state || !status) return null;
  // Only a meeting of the same group names the approval, as when the group's list was searched.
  const found = status.approvedAtMeetingId ? await stores.meetings.findById(status.approvedAtMeetingId) : null;
  const approver = found?.groupId === groupId ? found : null;
  const [own, approverNumber] = await Promise.all([yearNumberOf(stores, meeting, timeZone), approver && yearNumberOf(stores, approver, timeZone)]);
  const approvedAt = approver ? `${approver.number} (${approverNumber})` : null;
  return { meeting: { ...meeting, minutes: meeting.minutes }, entry: entryOf(meeting, own, state, status, approvedAt) };
}

const entryOf = (meeting: Meeting, yearNumber: string, state: Exclude<MinutesState, "draft">, status: MinutesStatus, approvedAt: string | null): PublishedMinutesEntry => ({
  number: meeting.number,
  yearNumber,
  heldAt: meeting.openedAt ?? meeting.startsAt,
  state,
  finalAt: status.checkedAt ?? status.approvedAt,
  approvedAt,
});

/** The groups that have final minutes, by id. */
export async function groupsWithFinalMinutes(stores: Stores): Promise<Set<string>> {
  const groups = new Set<string>();
  for (const status of await stores.minutes.finalStatuses()) {
    const meeting = await stores.meetings.findById(status.meetingId);
    if (meeting?.minutes) groups.add(meeting.groupId);
  }
  return groups;
}

export const publishedMinutes = (group: { id: string; name: string }, meeting: { minutes: string }, entry: PublishedMinutesEntry): PublishedMinutes => ({
  group: { id: group.id, name: group.name },
  entry,
  text: meeting.minutes,
  hash: minutesHash(meeting.minutes),
});
