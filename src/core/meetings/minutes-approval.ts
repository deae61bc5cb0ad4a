import type { Presentation } from "../../i18n/presentation.ts";
import { recordChange } from "../audit/record.ts";
import type { Group } from "../groups/group.ts";
import { mayManage } from "../groups/permissions.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { findMeeting, meetingSubject, type MeetingRef } from "./access.ts";
import { minutesHash, type MinutesApproval, type MinutesState, type MinutesStatus } from "./minutes-state.ts";
import { officialsOf, type Official } from "./officials.ts";
import { yearNumberOf } from "./year-number.ts";

/** Everything a reader of the minutes sees: the text, where it is in checking, and by whom. */
export interface MinutesView extends MeetingRef {
  readonly text: string;
  readonly hash: string;
  readonly status: MinutesStatus;
  readonly officials: Official[];
  readonly approvals: (MinutesApproval & { name: string })[];
  /** How many approvals make the minutes checked: the checkers chosen, or two when none were. */
  readonly needed: number;
  readonly yearNumber: string;
  /** The meeting that approved them ("4 (1/2027)": its number in the group and in its year), on that path. */
  readonly approvedAt: string | null;
}

/** "luonnos, 1/2 tarkastajaa hyväksynyt" — the same words wherever the minutes appear. */
export const minutesStateLine = (p: Presentation, m: { state: MinutesState; approved: number; needed: number }): string =>
  m.state === "draft" ? p.t("minutes.state-line", { state: p.t("minutes.state.draft"), approved: m.approved, needed: m.needed }) : p.t(`minutes.state.${m.state}`);

export const neededApprovals = (officials: readonly Official[]): number => officialsOf(officials, "checker").length || 2;

/** A closed meeting's minutes, with their status; refuses a meeting without minutes. */
export async function loadMinutes(stores: Stores, ref: MeetingRef, timeZone: string): Promise<MinutesView> {
  const { meeting, group } = ref;
  if (meeting.minutes === null) refuse("minutes.not-closed", { number: meeting.number });
  const [stored, officials, approvals, year, members] = await Promise.all([
    stores.minutes.status(meeting.id),
    stores.minutes.officials(meeting.id),
    stores.minutes.approvals(meeting.id),
    yearNumberOf(stores, meeting, timeZone),
    stores.groups.members(group.id),
  ]);
  // Minutes written before checking existed are drafts like any other.
  const status = stored ?? { meetingId: meeting.id, state: "draft" as const, checkedAt: null, approvedAtMeetingId: null, approvedAt: null };
  const nameOf = async (personId: string) =>
    officials.find((o) => o.personId === personId)?.name ?? members.find((m) => m.personId === personId)?.displayName ?? (await stores.people.findById(personId))?.displayName ?? "—";
  const approving = status.approvedAtMeetingId ? await stores.meetings.findById(status.approvedAtMeetingId) : null;
  const approver = approving?.groupId === group.id ? approving : null;
  return {
    group,
    meeting,
    text: meeting.minutes,
    hash: minutesHash(meeting.minutes),
    status,
    officials,
    approvals: await Promise.all(approvals.map(async (a) => ({ ...a, name: await nameOf(a.personId) }))),
    needed: neededApprovals(officials),
    yearNumber: year,
    approvedAt: approver ? `${approver.number} (${await yearNumberOf(stores, approver, timeZone)})` : null,
  };
}

export async function findMinutes(stores: Stores, inv: Invocation, groupName: string, number: number, timeZone: string): Promise<MinutesView> {
  return loadMinutes(stores, await findMeeting(stores, inv, groupName, number), timeZone);
}

/** Once checked or approved at a meeting, the minutes are final (§31): no correction, no more approvals. */
export function requireDraft(view: MinutesView, p: Presentation): void {
  if (view.status.state !== "draft") refuse("minutes.final", { number: view.meeting.number, state: p.t(`minutes.state.${view.status.state}`) });
}

/** The meeting's secretary corrects the minutes; so may the group's officers, as they do the rest. */
export async function requireEditor(stores: Stores, inv: Invocation, group: Group, officials: readonly Official[]): Promise<void> {
  if (officialsOf(officials, "secretary").some((o) => o.personId === inv.actor.person.id)) return;
  if (!mayManage(inv.actor, await stores.groups.membership(group.id, inv.actor.person.id))) refuse("minutes.editor-only", { group: group.name });
}

export const auditMinutes = (
  stores: Stores,
  clock: Parameters<typeof recordChange>[1],
  inv: Invocation,
  action: "minutes.edited" | "minutes.approved" | "minutes.checked" | "minutes.adopted",
  view: MinutesView,
  after: Record<string, unknown>,
) => recordChange(stores, clock, inv, action, meetingSubject(view.meeting), { after: { number: view.meeting.number, ...after } });

export interface MinutesSummary {
  readonly state: MinutesState;
  readonly approved: number;
  readonly needed: number;
}

/** Where each closed meeting's minutes are, for lists and overviews: by meeting id. Three queries however many. */
export async function minutesSummaries(stores: Stores, meetings: readonly Pick<MeetingRef["meeting"], "id" | "minutes">[]): Promise<Map<string, MinutesSummary>> {
  const closed = meetings.filter((m) => m.minutes !== null).map((m) => m.id);
  if (closed.length === 0) return new Map();
  const [statuses, checkers, approvals] = await Promise.all([stores.minutes.statuses(closed), stores.minutes.checkerCounts(closed), stores.minutes.approvalCounts(closed)]);
  const states = new Map(statuses.map((s) => [s.meetingId, s.state]));
  // As neededApprovals: the checkers chosen, or two when none were.
  return new Map(closed.map((id) => [id, { state: states.get(id) ?? "draft", approved: approvals.get(id) ?? 0, needed: checkers.get(id) || 2 }]));
}
