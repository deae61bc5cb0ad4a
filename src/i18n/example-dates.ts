import { DateTime } from "luxon";

/**
 * The dates the catalogues' examples show (`{exampleDay}` …), counted from today: an example the
 * bot gives must be one it takes, and a fixed "3.12.2026" was a time past within days. The real
 * clock, not a council's: an example only has to lie ahead (or, for "since that day", behind).
 */
const exampleDates: Readonly<Record<string, (today: DateTime) => string>> = {
  exampleDay: (today) => today.plus({ weeks: 1 }).toFormat("d.M.yyyy"),
  exampleIsoDay: (today) => today.plus({ weeks: 1 }).toFormat("yyyy-MM-dd"),
  exampleLaterDay: (today) => today.plus({ weeks: 2 }).toFormat("d.M.yyyy"),
  exampleLaterIsoDay: (today) => today.plus({ weeks: 2 }).toFormat("yyyy-MM-dd"),
  examplePastDay: (today) => today.minus({ weeks: 4 }).toFormat("d.M.yyyy"),
  examplePastIsoDay: (today) => today.minus({ weeks: 4 }).toFormat("yyyy-MM-dd"),
};

/** The example date a message's parameter `name` stands for, or undefined when it is no such name. */
export const exampleDate = (name: string): string | undefined => exampleDates[name]?.(DateTime.now());
