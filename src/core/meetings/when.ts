import { DateTime } from "luxon";
import { readDate, readOneOff } from "../shared/date-words.ts";
import { unquoted } from "../shared/words.ts";

/** What a person typed for a meeting's time, read in the council's time zone. */
export interface ParsedWhen {
  readonly at: Date;
  /** Whatever followed the time: the place or the remote link. */
  readonly rest: string;
}

/**
 * Reads `3.12.2026 14:00`, `3.12.2026 klo 14`, `2026-12-03 14:00`, `10.12. klo 14` (the next
 * 10 December from `now`), `huomenna 9.30` (and a place after it), with the reader reminders use.
 * Returns null when the text is not a date and time, or names one that does not exist
 * (31.2., 25:00, or an hour skipped by daylight saving).
 */
export function parseWhen(input: string, timeZone: string, now: Date): ParsedWhen | null {
  const text = input.trim();
  const words = text.split(/\s+/);
  const read = readOneOff(words.map((w) => w.toLocaleLowerCase("fi")), DateTime.fromJSDate(now, { zone: timeZone }));
  if (!read) return null;
  const parsed = DateTime.fromObject({ ...read.date, ...read.time }, { zone: timeZone });
  if (!parsed.isValid) return null;
  // Luxon moves a time skipped by daylight saving forward; such a time was never on the clock.
  if (parsed.hour !== read.time.hour || parsed.minute !== read.time.minute || parsed.day !== read.date.day) return null;
  const rest = text.replace(new RegExp(`^(?:\\S+\\s*){${read.used}}`), "");
  return { at: parsed.toJSDate(), rest: unquoted(rest) };
}

/**
 * A time to show in a refusal's example, as it is typed: `at`'s clock time on the day a week from
 * `now`, or, with `before`, a day before it (an hour before, when that day has passed).
 */
export function typedTimeExample(timeZone: string, now: Date, at: Date, before?: Date): string {
  const clock = DateTime.fromJSDate(at, { zone: timeZone });
  let example = DateTime.fromJSDate(now, { zone: timeZone }).plus({ days: 7 }).set({ hour: clock.hour, minute: clock.minute });
  if (before) {
    const start = DateTime.fromJSDate(before, { zone: timeZone });
    example = start.minus({ days: 1 }) > DateTime.fromJSDate(now) ? start.minus({ days: 1 }) : start.minus({ hours: 1 });
  }
  return example.toFormat("d.M.yyyy H:mm");
}

/**
 * A date alone, as the end of that day in the time zone: a due date. Read as meetings' and
 * reminders' dates are (`15.12.2026`, `2026-12-15`, `15/12/2026`, `15.12.` the next such day), and
 * `15.12` too: with no time beside it, it is no time of day.
 */
export function parseDueDate(input: string, timeZone: string, now: Date = new Date()): Date | null {
  const text = input.trim().replace(/^(\d{1,2}\.\d{1,2})$/, "$1.");
  const date = readDate(text, DateTime.fromJSDate(now, { zone: timeZone }));
  const parsed = date && DateTime.fromObject(date, { zone: timeZone });
  return parsed?.isValid && parsed.day === date!.day ? parsed.endOf("day").toJSDate() : null;
}
