import type { Stores } from "../shared/unit-of-work.ts";
import type { AgendaItem, Meeting, StandardKind } from "./meeting.ts";

/** On the agenda: accepted items, and late ones awaiting the chair (shown as such). */
export const isListed = (item: Pick<AgendaItem, "status">): boolean => item.status === "accepted" || item.status === "pending";

/** The listed items in order, numbered 1… as people see and type them. The closing item stays last. */
export function numberedAgenda<T extends Pick<AgendaItem, "status" | "position" | "standard"> & Partial<Pick<AgendaItem, "minutesNumber">>>(items: readonly T[]): (T & { number: number })[] {
  // A closed meeting's items keep the numbers its minutes gave them.
  const frozen = items.filter((item): item is T & { minutesNumber: number } => typeof item.minutesNumber === "number");
  if (frozen.length) return frozen.sort((a, b) => a.minutesNumber - b.minutesNumber).map((item) => ({ ...item, number: item.minutesNumber }));
  return items
    .filter(isListed)
    .sort((a, b) => rank(a) - rank(b) || a.position - b.position)
    .map((item, i) => ({ ...item, number: i + 1 }));
}

const rank = (item: Pick<AgendaItem, "standard">) => (item.standard === "closing" ? 2 : item.standard ? 0 : 1);

/** A member's item left undecided when the meeting closes waits for the next meeting. */
export const carriesOver = (item: Pick<AgendaItem, "standard" | "status" | "decision">): boolean =>
  item.standard === null && item.status === "accepted" && item.decision === null;

/**
 * When a meeting closes, every listed item keeps its number for good, and an undecided item stays
 * in the closed meeting's record while a copy of it waits for the next meeting.
 */
export async function freezeAgenda(stores: Stores, items: readonly AgendaItem[]): Promise<void> {
  for (const item of numberedAgenda(items)) await stores.meetings.updateItem(item.id, { minutesNumber: item.number });
  for (const item of items.filter(carriesOver)) {
    const { id: _id, ...copy } = item;
    await stores.meetings.addItem({ ...copy, status: "deferred", minutesNumber: null });
  }
}

/**
 * Members' items of a meeting that will not handle them go to `next` (the group's next scheduled
 * meeting), before its closing item, as accepted items; with none scheduled yet they wait
 * (deferred) for the next one called, which takes them.
 */
export async function moveToNextMeeting(stores: Stores, next: Meeting | null, items: readonly AgendaItem[]): Promise<AgendaItem[]> {
  const moved: AgendaItem[] = [];
  for (const item of items) {
    if (!next) moved.push(await stores.meetings.updateItem(item.id, { status: "deferred" }));
    else moved.push(await stores.meetings.updateItem(item.id, { meetingId: next.id, position: await stores.meetings.nextPosition(next.id), status: "accepted", late: false }));
  }
  return moved;
}

/** The standard opening items come first and the closing last; only the items between may move. */
export const isMovable = (item: Pick<AgendaItem, "standard">): boolean => item.standard === null;

// Placing and moving items is done by the database (MeetingStore.nextPosition, shiftPositions), in
// the order numberedAgenda defines, so that neither reads the whole agenda.

export const closingPosition = 10_000;

export const standardTitleKey = (kind: StandardKind) => `meetings.standard.${kind}` as const;
