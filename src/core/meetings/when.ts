import { DateTime } from "luxon";
import { unquoted } from "../shared/words.ts";

/** What a person typed for a meeting's time, read in the council's time zone. */
export interface ParsedWhen {
  readonly at: Date;
  /** Whatever followed the time: the place or the remote link. */
  readonly rest: string;
}

// Finnish and ISO ways of writing a date; the time may follow "klo" and use : or . (14, 14:00, 14.30).
const pattern = /^(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\s+(?:klo\s+|kl\.?\s+|at\s+)?(\d{1,2})(?:[:.](\d{2}))?(?:\s+(.*))?$/i;

/**
 * Reads `3.12.2026 14:00`, `3.12.2026 klo 14`, `2026-12-03 14:00` (and a place after it).
 * Returns null when the text is not a date and time, or names one that does not exist
 * (31.2., 25:00, or an hour skipped by daylight saving).
 */
export function parseWhen(input: string, timeZone: string): ParsedWhen | null {
  const match = pattern.exec(input.trim());
  if (!match) return null;
  const [, date = "", hour = "", minute = "00", rest = ""] = match;
  const format = date.includes("-") ? "yyyy-MM-dd H:mm" : "d.M.yyyy H:mm";
  const parsed = DateTime.fromFormat(`${date} ${Number(hour)}:${minute}`, format, { zone: timeZone });
  if (!parsed.isValid) return null;
  // Luxon moves a time skipped by daylight saving forward; such a time was never on the clock.
  if (parsed.hour !== Number(hour) || parsed.minute !== Number(minute)) return null;
  return { at: parsed.toJSDate(), rest: unquoted(rest) };
}

/** A date alone (`15.12.2026`, `2026-12-15`), as the end of that day in the time zone: a due date. */
export function parseDueDate(input: string, timeZone: string): Date | null {
  const text = input.trim();
  const format = text.includes("-") ? "yyyy-MM-dd" : "d.M.yyyy";
  const parsed = DateTime.fromFormat(text, format, { zone: timeZone });
  return parsed.isValid ? parsed.endOf("day").toJSDate() : null;
}
