import { DateTime } from "luxon";
import type { MessageKey } from "../../i18n/catalogues.ts";
import type { Clock } from "../shared/clock.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { Audience } from "./audience.ts";
import { storedDate, storedTime, type StoredParams } from "./reminder.ts";

/** One reminder of an event: when, and what the group's channel is told then. */
export interface EventReminder {
  readonly dueAt: Date;
  readonly messageKey: MessageKey;
  readonly params?: StoredParams;
  /** A nudge by direct message instead of a post in the group's channel. */
  readonly audience?: Audience;
}

export interface EventReminders {
  /** Stable key of the event, e.g. "meeting:<id>", "election:<id>:voting". */
  readonly eventKey: string;
  readonly workspaceId: string;
  /** The group whose linked channel (as linked when the reminder falls due) is told. */
  readonly groupId: string;
  readonly reminders: readonly EventReminder[];
  /** For showing times; default Europe/Helsinki. */
  readonly timeZone?: string;
}

/**
 * Schedules an event's reminders inside the caller's unit of work, so they commit (or roll back)
 * with the event itself. Times already past are left out. Returns how many were scheduled.
 *
 *   await scheduleForEvent(stores, clock, { eventKey: `meeting:${m.id}`, workspaceId, groupId,
 *     reminders: meetingReminders({ title: m.title, startsAt: m.startsAt, agendaDeadline: m.agendaDeadline }) });
 */
export async function scheduleForEvent(stores: Stores, clock: Clock, input: EventReminders): Promise<number> {
  const now = clock.now().getTime();
  let count = 0;
  for (const r of input.reminders) {
    if (r.dueAt.getTime() <= now) continue;
    await stores.reminders.create({
      workspaceId: input.workspaceId,
      groupId: input.groupId,
      text: null,
      messageKey: r.messageKey,
      params: r.params ?? {},
      cron: null,
      timeZone: input.timeZone ?? "Europe/Helsinki",
      eventKey: input.eventKey,
      audience: r.audience ?? null,
      nextDueAt: r.dueAt,
      pausedAt: null,
      createdById: null,
    });
    count += 1;
  }
  return count;
}

/** Removes every reminder of an event (a cancelled meeting), in the caller's unit of work. */
export function cancelForEvent(stores: Stores, eventKey: string): Promise<number> {
  return stores.reminders.removeForEvent(eventKey);
}

/** Replaces an event's reminders (a moved meeting): the old times go, the new ones come, atomically. */
export async function rescheduleForEvent(stores: Stores, clock: Clock, input: EventReminders): Promise<number> {
  await cancelForEvent(stores, input.eventKey);
  return scheduleForEvent(stores, clock, input);
}

const hour = 3_600_000;
const day = 24 * hour;
const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);

/** The default reminders of a meeting: 2 days and 1 hour before, and at the agenda deadline. */
export function meetingReminders(meeting: { readonly title: string; readonly startsAt: Date; readonly agendaDeadline?: Date | null }): EventReminder[] {
  const params = { meeting: meeting.title, when: storedTime(meeting.startsAt) };
  const list: EventReminder[] = [
    { dueAt: at(meeting.startsAt, -2 * day), messageKey: "reminders.event.meeting-in-2-days", params },
    { dueAt: at(meeting.startsAt, -hour), messageKey: "reminders.event.meeting-in-1-hour", params },
  ];
  if (meeting.agendaDeadline) {
    list.push({ dueAt: meeting.agendaDeadline, messageKey: "reminders.event.agenda-deadline", params });
  }
  return list;
}

/**
 * The reminders of an election's timetable: nominations open, voting opens, and 24 h before voting
 * closes both a post in the channel and a direct message to each person on the roll who has not
 * voted by then.
 */
export function electionReminders(election: {
  readonly id: string;
  readonly title: string;
  readonly nominationsOpenAt?: Date | null;
  readonly votingOpensAt?: Date | null;
  readonly votingClosesAt?: Date | null;
}): EventReminder[] {
  const params = { election: election.title, id: election.id, when: election.votingClosesAt ? storedTime(election.votingClosesAt) : "—" };
  const list: EventReminder[] = [];
  if (election.nominationsOpenAt) list.push({ dueAt: election.nominationsOpenAt, messageKey: "reminders.event.nominations-open", params });
  if (election.votingOpensAt) {
    const messageKey = election.votingClosesAt ? "reminders.event.voting-open" : "reminders.event.voting-open-untimed";
    list.push({ dueAt: election.votingOpensAt, messageKey, params });
  }
  if (election.votingClosesAt) {
    const dayBefore = at(election.votingClosesAt, -day);
    list.push({ dueAt: dayBefore, messageKey: "reminders.event.voting-closes-in-24h", params });
    list.push({ dueAt: dayBefore, messageKey: "reminders.nudge.vote", params, audience: { kind: "non-voters", electionId: election.id } });
  }
  return list;
}

/** When an action item's owner is nudged: at 9.00 on the day before it is due (in the council's zone). */
const actionNudgeHour = 9;

/**
 * The nudge of an action item's owner: 9.00 the day before the due date or, for an item given
 * later than that, 9.00 on the day itself; none when both have passed.
 */
export function actionItemNudges(item: {
  readonly ownerId: string;
  readonly text: string;
  readonly dueDate: Date;
  readonly timeZone: string;
  readonly now: Date;
}): EventReminder[] {
  const dueDayMorning = DateTime.fromJSDate(item.dueDate, { zone: item.timeZone }).set({ hour: actionNudgeHour, minute: 0, second: 0, millisecond: 0 });
  const nudgeAt = [dueDayMorning.minus({ days: 1 }), dueDayMorning].map((d) => d.toJSDate()).find((d) => d.getTime() > item.now.getTime());
  if (!nudgeAt) return [];
  const audience = { kind: "person", personId: item.ownerId } as const;
  return [{ dueAt: nudgeAt, messageKey: "reminders.nudge.action-item", params: { item: item.text, when: storedDate(item.dueDate) }, audience }];
}
