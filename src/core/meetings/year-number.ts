import { DateTime } from "luxon";
import type { Meeting } from "./meeting.ts";

/**
 * Associations number their meetings per calendar year: "1/2027" is the year's first meeting.
 * Counted among the group's meetings that were not cancelled, by when they start in the council's
 * time zone. The group's running number (`meeting show Viestintä 4`) stays what people type.
 */
export function yearNumber(meetings: readonly Pick<Meeting, "id" | "number" | "startsAt" | "status">[], meeting: Pick<Meeting, "id" | "startsAt">, timeZone: string): string {
  const year = DateTime.fromJSDate(meeting.startsAt, { zone: timeZone }).year;
  const sameYear = meetings
    .filter((m) => m.status !== "cancelled" && DateTime.fromJSDate(m.startsAt, { zone: timeZone }).year === year)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.number - b.number);
  const index = sameYear.findIndex((m) => m.id === meeting.id);
  return `${index < 0 ? sameYear.length + 1 : index + 1}/${year}`;
}
