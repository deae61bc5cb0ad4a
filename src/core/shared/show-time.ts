import { DateTime, type DateTimeFormatOptions } from "luxon";
import type { Presentation } from "../../i18n/presentation.ts";
import { localeTags } from "../../i18n/locale.ts";

/**
 * The ways the bot shows a moment, all in the reader's language and the council's time zone:
 * - `date`: 3.12.2026 / 03/12/2026 / 2026-12-03
 * - `time`: 14.00 / 14:00
 * - `dateTime`: 3.12.2026 klo 14.00 / 03/12/2026, 14:00
 * - `weekdayDateTime`: to 3.12.2026 klo 14.00 / Thu, 03/12/2026, 14:00
 */
export type TimeFormat = "date" | "time" | "dateTime" | "weekdayDateTime";

const formats: Readonly<Record<TimeFormat, DateTimeFormatOptions>> = {
  date: DateTime.DATE_SHORT,
  time: { hour: "2-digit", minute: "2-digit" },
  dateTime: { day: "numeric", month: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit" },
  weekdayDateTime: { weekday: "short", day: "numeric", month: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit" },
};

/** The one place a time becomes text for a person: luxon, with the reader's locale and zone. */
export const showTime = (p: Pick<Presentation, "locale" | "timeZone">, format: TimeFormat, at: Date): string =>
  DateTime.fromJSDate(at, { zone: p.timeZone }).setLocale(localeTags[p.locale]).toLocaleString(formats[format]);
