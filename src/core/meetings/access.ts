import { typedName } from "../shared/words.ts";
import type { Group } from "../groups/group.ts";
import { findActiveGroup } from "../groups/service.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { AgendaItem, Meeting } from "./meeting.ts";

export const meetingSubject = (meeting: Pick<Meeting, "id" | "groupId">) => ({ type: "meeting", id: meeting.id, groupId: meeting.groupId });

export interface MeetingRef {
  readonly group: Group;
  readonly meeting: Meeting;
}

/**
 * A group's meeting by number, or without a number the group's current one: the meeting that is
 * open, else the next scheduled one.
 */
export async function findMeeting(stores: Stores, inv: Invocation, groupName: string, number?: number): Promise<MeetingRef> {
  const group = await findActiveGroup(stores, inv, groupName);
  if (number !== undefined) {
    const meeting = await stores.meetings.find(group.id, number);
    if (!meeting) refuse("meeting.not-found", { group: group.name, number });
    return { group, meeting };
  }
  const current = await stores.meetings.current(group.id);
  if (!current) refuse("meeting.none-upcoming", { group: group.name });
  return { group, meeting: current };
}

/** Agenda and minutes may change only while a meeting is ahead or under way. */
export function requireNotFinished(meeting: Meeting): void {
  if (meeting.status === "cancelled") refuse("meeting.cancelled", { number: meeting.number });
  if (meeting.status === "closed") refuse("meeting.closed", { number: meeting.number });
}

export function requireOpen(meeting: Meeting, group: Pick<Group, "name">): void {
  requireNotFinished(meeting);
  if (meeting.status !== "open") refuse("meeting.not-open", { number: meeting.number, group: typedName(group.name) });
}

/** An agenda item by the number people see in `agenda list`. */
export async function findItem(stores: Stores, meeting: Meeting, number: number, group: Pick<Group, "name">): Promise<{ item: AgendaItem & { number: number } }> {
  const [item] = number >= 1 ? await stores.meetings.agendaPage(meeting.id, { offset: number - 1, limit: 1 }) : [];
  if (!item) refuse("agenda.item-not-found", { number, meeting: meeting.number, count: await stores.meetings.agendaLength(meeting.id), group: typedName(group.name) });
  return { item };
}
