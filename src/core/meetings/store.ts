import type { ActionItem, AgendaItem, Attendance, Meeting, Registration } from "./meeting.ts";

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
  update(id: string, patch: MeetingPatch): Promise<Meeting>;

  /** The meeting's items in agenda order (rejected and deferred ones included). */
  items(meetingId: string): Promise<AgendaItem[]>;
  addItem(input: NewAgendaItem): Promise<AgendaItem>;
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
  actionsOfGroup(groupId: string): Promise<ActionItem[]>;
  actionsOfPerson(personId: string): Promise<ActionItem[]>;
}
