import { DateTime } from "luxon";
import type { Stores } from "../shared/unit-of-work.ts";
import type { Meeting } from "./meeting.ts";

type Numbered = Pick<Meeting, "id" | "number" | "startsAt" | "status">;

/**
 * Associations number their meetings per calendar year: "1/2027" is the year's first meeting.
 * Counted among the group's meetings that were not cancelled, by when they start in the council's
 * time zone. The group's running number (`meeting show Viestintä 4`) stays what people type.
 */
export function yearNumber(meetings: readonly Numbered[], meeting: Pick<Meeting, "id" | "startsAt">, timeZone: string): string {
  const year = DateTime.fromJSDate(meeting.startsAt, { zone: timeZone }).year;
  const sameYear = meetings
    .filter((m) => m.status !== "cancelled" && DateTime.fromJSDate(m.startsAt, { zone: timeZone }).year === year)
    .sort(byStart);
  const index = sameYear.findIndex((m) => m.id === meeting.id);
  return `${index < 0 ? sameYear.length + 1 : index + 1}/${year}`;
}

const byStart = (a: Pick<Meeting, "startsAt" | "number">, b: Pick<Meeting, "startsAt" | "number">) => a.startsAt.getTime() - b.startsAt.getTime() || a.number - b.number;

/**
 * The same numbers as `yearNumber`, for some of a group's meetings, counted by the store instead of
 * read off every meeting: per year, a count of the meetings before the earliest of these, then the
 * ids from it to the latest. Give it meetings that lie close together (one part of a list page):
 * the ids between them are read. A cancelled meeting, counted in no year, is numbered after the
 * year's last, as `yearNumber` does.
 */
export async function yearNumbersOf(stores: Stores, groupId: string, meetings: readonly Numbered[], timeZone: string): Promise<Map<string, string>> {
  const years = new Map<number, Numbered[]>();
  for (const m of meetings) {
    const year = DateTime.fromJSDate(m.startsAt, { zone: timeZone }).year;
    years.set(year, [...(years.get(year) ?? []), m]);
  }
  const numbers = new Map<string, string>();
  await Promise.all(
    [...years].map(async ([year, inYear]) => {
      const from = DateTime.fromObject({ year }, { zone: timeZone });
      const [start, end] = [from.toJSDate(), from.plus({ years: 1 }).toJSDate()];
      const held = inYear.filter((m) => m.status !== "cancelled").sort(byStart);
      const [first, last] = [held[0], held.at(-1)];
      if (first && last) {
        const [before, ids] = await Promise.all([
          stores.meetings.countHeld(groupId, start, end, first),
          first === last ? [first.id] : stores.meetings.heldIds(groupId, first, last),
        ]);
        for (const m of held) numbers.set(m.id, `${before + ids.indexOf(m.id) + 1}/${year}`);
      }
      if (held.length < inYear.length) {
        const all = await stores.meetings.countHeld(groupId, start, end);
        for (const m of inYear) if (m.status === "cancelled") numbers.set(m.id, `${all + 1}/${year}`);
      }
    }),
  );
  return numbers;
}

/** One meeting's number in its year (`yearNumbersOf` for one): a single count. */
export const yearNumberOf = async (stores: Stores, meeting: Numbered & Pick<Meeting, "groupId">, timeZone: string): Promise<string> =>
  (await yearNumbersOf(stores, meeting.groupId, [meeting], timeZone)).get(meeting.id)!;
