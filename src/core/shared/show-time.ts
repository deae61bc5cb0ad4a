import { DateTime } from "luxon";
import { localeTags, type Locale } from "../../i18n/locale.ts";

/** "ti 3.12.2026 klo 14.00" / "Thu 3 Dec 2026, 14:00", in the reader's language and the council's zone. */
export const showWhen = (at: Date, timeZone: string, locale: Locale): string =>
  DateTime.fromJSDate(at, { zone: timeZone }).setLocale(localeTags[locale]).toLocaleString({
    weekday: "short",
    day: "numeric",
    month: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });

export const showDate = (at: Date, timeZone: string, locale: Locale): string =>
  DateTime.fromJSDate(at, { zone: timeZone }).setLocale(localeTags[locale]).toLocaleString(DateTime.DATE_SHORT);
