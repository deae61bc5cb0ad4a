import type { MemberScope } from "../groups/member-scope.ts";
import type { Window } from "../shared/page.ts";
import type { ActionItem, AgendaItem, Attendance, Meeting, Registration } from "./meeting.ts";

/** Where a meeting stands in its group's order: by when it starts, then by its number. */
export type MeetingKey = Pick<Meeting, "startsAt" | "number">;

export type NewMeeting = Pick<Meeting, "groupId" | "startsAt" | "place" | "agendaDeadline">;
export type MeetingPatch = Partial<Omit<Meeting, "id" | "groupId" | "number">>;
export type NewAgendaItem = Omit<AgendaItem, "id">;
export type AgendaItemPatch = Partial<Omit<AgendaItem, "id" | "createdAt">>;

export interface MeetingStore {
  /** Numbers the meeting next in its group. */
  create(input: NewMeeting): Promise<Meeting>;
  find(groupId: string, number: number): Promise<Meeting | null>;
  findById(id: string): Promise<Meeting | null>;
  /** Every meeting of a group, earliest first. */
  list(groupId: string): Promise<Meeting[]>;
  /**
   * `meeting list`'s two parts, read a window at a time: upcoming meetings (starting at `now` or
   * later and not closed), soonest first; then every other one, latest first.
   */
  countUpcomingAndPast(groupId: string, now: Date): Promise<{ upcoming: number; past: number }>;
  upcoming(groupId: string, now: Date, window: Window): Promise<Meeting[]>;
  past(groupId: string, now: Date, window: Window): Promise<Meeting[]>;
  /**
   * How many of the group's meetings that were not cancelled start in [from, to); with `before`,
   * only those ordered before it (by start, then number). What a meeting's number in its year counts.
   */
  countHeld(groupId: string, from: Date, to: Date, before?: MeetingKey): Promise<number>;
  /** The ids of the group's meetings not cancelled from `first` through `last`, both included, in order. */
  heldIds(groupId: string, first: MeetingKey, last: MeetingKey): Promise<string[]>;
  /** When the group's latest meeting other than `exceptId` to close before `before` closed (null: none did). */
  lastClosedBefore(groupId: string, before: Date, exceptId: string): Promise<Date | null>;
  /** The group's meeting called for exactly `startsAt`, scheduled or in session, other than `exceptId`; null: none. */
  calledFor(groupId: string, startsAt: Date, exceptId?: string): Promise<Meeting | null>;
  /** The group's earliest scheduled meeting starting strictly after `after` (by start, then number); null: none. */
  nextScheduledAfter(groupId: string, after: Date): Promise<Meeting | null>;
  /**
   * The group's earliest scheduled meeting other than `cancelled` that starts when it does or later
   * (by start, then number): the one that takes a cancelled meeting's items. Null: none.
   */
  nextScheduledInsteadOf(cancelled: Pick<Meeting, "id" | "groupId" | "startsAt">): Promise<Meeting | null>;
  /** The group's latest meeting (by start, then number) that has minutes; null: none has. */
  latestWithMinutes(groupId: string): Promise<Meeting | null>;
  /** The group's earliest open meeting (by start, then number) other than `exceptId`; null: none. */
  firstOpenExcept(groupId: string, exceptId: string): Promise<Meeting | null>;
  /**
   * The meetings `overview` shows ahead of the member's groups, earliest first (by start, then
   * number): open, or scheduled and not past their start or their agenda deadline at `now`.
   */
  aheadForMember(scope: MemberScope, now: Date): Promise<Meeting[]>;
  /**
   * The member's groups' meetings whose minutes are a draft (minutes with no status count as one,
   * as minutesSummaries reads them), as `overview` needs them: those the member is a checker of and
   * has not approved, and the `latest` most recent (by start, then number); both latest first.
   */
  draftMinutesForMember(scope: MemberScope, options: { latest: number }): Promise<{ toCheck: Meeting[]; latest: Meeting[] }>;
  /**
   * The digest's meetings in the workspace's groups not archived, earliest first (by start, then
   * number): scheduled ones starting at `to` or later, and those closed in [from, to).
   */
  scheduledFromOrClosedIn(workspaceId: string, from: Date, to: Date): Promise<Meeting[]>;
  update(id: string, patch: MeetingPatch): Promise<Meeting>;

  /** The meeting's items in agenda order (rejected and deferred ones included). */
  items(meetingId: string): Promise<AgendaItem[]>;
  addItem(input: NewAgendaItem): Promise<AgendaItem>;
  /**
   * The numbered agenda of agenda-order.ts (`numberedAgenda`) read by the database a window at a
   * time: listed items by position, the closing item last; after the close, by the minutes' numbers.
   * These let one item change without loading the agenda.
   */
  agendaLength(meetingId: string): Promise<number>;
  agendaPage(meetingId: string, window: Window): Promise<(AgendaItem & { number: number })[]>;
  /** How many listed standard items open the agenda, and whether the closing item ends it (0 or 1). */
  standardCount(meetingId: string): Promise<{ opening: number; closing: number }>;
  /** The position a new item takes: after every item but the closing one. */
  nextPosition(meetingId: string): Promise<number>;
  /** Items with one status (a meeting's rejected ones), in agenda order. */
  itemsWithStatus(meetingId: string, status: AgendaItem["status"]): Promise<AgendaItem[]>;
  /** Adds `by` to the position of the member items (not standard ones) between `from` and `to`, both included. */
  shiftPositions(meetingId: string, from: number, to: number, by: number): Promise<void>;
  /** The meeting that is open, else the earliest scheduled one. */
  current(groupId: string): Promise<Meeting | null>;
  updateItem(id: string, patch: AgendaItemPatch): Promise<AgendaItem>;
  /** Items deferred from earlier meetings of the group, waiting for the next one. */
  carriedOver(groupId: string, beforeMeetingId: string): Promise<AgendaItem[]>;

  attendance(meetingId: string): Promise<Attendance[]>;
  /** Records or replaces one person's attendance. */
  attend(input: Attendance): Promise<void>;
  removeAttendance(meetingId: string, personId: string): Promise<void>;

  registrations(meetingId: string): Promise<Registration[]>;
  /** Records or replaces one person's registration. */
  register(input: Registration): Promise<void>;
  /** False when the person was not registered. */
  unregister(meetingId: string, personId: string): Promise<boolean>;

  /** Numbers the action item next in its group. */
  addAction(input: Omit<ActionItem, "id" | "number" | "doneAt">): Promise<ActionItem>;
  findAction(groupId: string, number: number): Promise<ActionItem | null>;
  updateAction(id: string, patch: Partial<Pick<ActionItem, "doneAt">>): Promise<ActionItem>;
  /** The action items recorded at one meeting of the group, in number order. */
  actionsOfMeeting(groupId: string, meetingId: string): Promise<ActionItem[]>;
  /** A window of the group's action items, earliest due first. */
  actionsOfGroupByDue(groupId: string, window: Window): Promise<ActionItem[]>;
  countActionsOfGroup(groupId: string): Promise<number>;
  /** A window of a person's open action items, earliest due first. */
  openActionsOfPerson(personId: string, window: Window): Promise<ActionItem[]>;
  countOpenActionsOfPerson(personId: string): Promise<number>;
}
