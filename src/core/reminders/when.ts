import { CronExpressionParser } from "cron-parser";
import { DateTime } from "luxon";
import { readOneOff, readTime } from "../shared/date-words.ts";
import { refuse } from "../shared/refusal.ts";

/** When a reminder happens: once at an instant, or on a cron expression read in a time zone. */
export type Schedule = { readonly kind: "once"; readonly at: Date } | { readonly kind: "recurring"; readonly cron: string };

// The grammar a phone user types (Finnish, English and Swedish words alike), always followed by the text:
//   one-off:    5.12.2026 9:00 · 5.12. klo 9 · 2026-12-05 09:00 · huomenna 9.30 · tomorrow 9:00 · i morgon kl 9
//   recurring:  joka maanantai 9:00 · maanantaisin 9 · every Monday 9:00 · varje måndag kl 9
//               joka päivä 8:00 · every day 8:00 · arkisin 8:00 · weekdays 8:00 · vardagar 8:00
//               kuun ensimmäinen päivä 10:00 · first day of the month 10:00 · första dagen i månaden 10:00
//               kuun ensimmäinen maanantai 9:00 · first Monday of the month 9:00
//               kuukausittain 15. 10:00 · monthly 15 10:00 · månadsvis 15 10:00
//   cron:       "0 9 * * 1" (five fields, or six with seconds first), in quotes

const weekdayStems: readonly (readonly string[])[] = [
  ["sunnuntai", "sunday", "sun", "söndag"],
  ["maanantai", "monday", "mon", "måndag"],
  ["tiistai", "tuesday", "tue", "tisdag"],
  ["keskiviikko", "wednesday", "wed", "onsdag"],
  ["torstai", "thursday", "thu", "torsdag"],
  ["perjantai", "friday", "fri", "fredag"],
  ["lauantai", "saturday", "sat", "lördag"],
];

/** 0 = Sunday … 6 = Saturday (cron's numbering), or null. Plural forms ("maanantaisin", "mondays", "måndagar") too. */
export function weekdayOf(word: string): { day: number; plural: boolean } | null {
  const w = word.toLocaleLowerCase("fi").replace(/[.,]$/, "");
  for (const [day, stems] of weekdayStems.entries()) {
    for (const stem of stems) {
      if (w === stem || w === `${stem}na` || w === `${stem}en`) return { day, plural: false };
      if (w === `${stem}s` || w === `${stem}isin` || w === `${stem}sin` || w === `${stem}ar`) return { day, plural: true };
    }
  }
  return null;
}

const everyWords = new Set(["every", "each", "joka", "jokainen", "varje", "alla"]);
const dayWords = new Set(["day", "päivä", "dag", "daily", "päivittäin", "dagligen", "dagen"]);
const weekdaysWords = new Set(["weekday", "weekdays", "arkisin", "arkipäivä", "arkipäivisin", "vardag", "vardagar", "vardagarna"]);
const firstWords = new Set(["first", "1st", "ensimmäinen", "ensimmäisenä", "första"]);
const monthlyWords = new Set(["monthly", "kuukausittain", "månadsvis", "månatligen"]);
const fillers = new Set(["of", "the", "month", "kuun", "kuukauden", "i", "månaden", "on", "at", "klo", "kl", "kl.", "päivänä"]);

const cronInQuotes = /^["\u201C\u201D\u201E\u00AB\u00BB]([^"\u201C\u201D\u201E\u00AB\u00BB]+)["\u201C\u201D\u201E\u00AB\u00BB](?=\s|$)/;
const cronField = /^[\d*,/\-?LW#]+$/i;
const cronDayField = /^([\d*,/\-?LW#]+|[a-z]{3}([,-][a-z]{3})*)$/i;

/** Is this a valid cron expression (five fields, or six with seconds)? */
export function isValidCron(expression: string, timeZone = "UTC"): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6) return false;
  try {
    CronExpressionParser.parse(expression, { tz: timeZone, strict: false }).next();
    return true;
  } catch {
    return false;
  }
}

interface CompiledCron {
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly days: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly weekdays: ReadonlySet<number>;
  readonly anyDay: boolean;
  readonly anyWeekday: boolean;
}

const compiled = new Map<string, CompiledCron | null>();

/** Plain field lists (no L, W, # or ?) are walked by hand below; cron-parser does the rest. */
function compile(cron: string): CompiledCron | null {
  if (compiled.has(cron)) return compiled.get(cron) ?? null;
  let result: CompiledCron | null = null;
  const parts = cron.trim().split(/\s+/);
  if (!/[LW#?]/i.test(cron)) {
    const { fields } = CronExpressionParser.parse(cron);
    const numbers = (values: readonly (number | string)[]) => values.filter((v): v is number => typeof v === "number").sort((a, b) => a - b);
    result = {
      seconds: numbers(fields.second.values),
      minutes: numbers(fields.minute.values),
      hours: numbers(fields.hour.values),
      days: new Set(numbers(fields.dayOfMonth.values)),
      months: new Set(numbers(fields.month.values)),
      weekdays: new Set(numbers(fields.dayOfWeek.values).map((d) => d % 7)),
      anyDay: (parts.at(-3) ?? "*").startsWith("*"),
      anyWeekday: (parts.at(-1) ?? "*").startsWith("*"),
    };
  }
  if (compiled.size > 10_000) compiled.clear();
  compiled.set(cron, result);
  return result;
}

/**
 * The first occurrence strictly after `after`, read in `timeZone`: a 9:00 reminder stays at 9:00
 * local time through daylight-saving changes; a time the spring change skips moves forward an
 * hour; one the autumn change repeats happens once. Walks days and the allowed times of each
 * (cron-parser's own next() steps through every minute and costs milliseconds per call).
 */
export function nextOccurrence(cron: string, timeZone: string, after: Date): Date {
  const c = compile(cron);
  if (!c) return CronExpressionParser.parse(cron, { tz: timeZone, currentDate: after }).next().toDate();
  const start = DateTime.fromJSDate(after, { zone: timeZone });
  let day = start.startOf("day");
  for (let i = 0; i < 366 * 8; i += 1, day = day.plus({ days: 1 })) {
    if (!c.months.has(day.month)) continue;
    const dom = c.days.has(day.day);
    const dow = c.weekdays.has(day.weekday % 7);
    // Classic cron: with both day fields restricted, either one matching is enough.
    const dayMatches = c.anyDay && c.anyWeekday ? true : c.anyDay ? dow : c.anyWeekday ? dom : dom || dow;
    if (!dayMatches) continue;
    for (const hour of c.hours) {
      if (i === 0 && hour < start.hour - 1) continue;
      for (const minute of c.minutes) {
        for (const second of c.seconds) {
          const at = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute, second }, { zone: timeZone });
          // In the hour the autumn change repeats, the wall time exists twice: the first one counts.
          const earlier = at.minus({ hours: 1 });
          if (earlier.hour === hour && earlier.minute === minute && earlier.second === second) {
            if (earlier.toMillis() > after.getTime()) return earlier.toJSDate();
            continue;
          }
          if (at.toMillis() > after.getTime()) return at.toJSDate();
        }
      }
    }
  }
  return CronExpressionParser.parse(cron, { tz: timeZone, currentDate: after }).next().toDate();
}

/**
 * Splits "<when> <text…>" into a schedule and the text. Refuses (nothing stored) when the time
 * cannot be read, is in the past, the cron expression is invalid, or the text is missing.
 */
export function parseWhen(input: string, timeZone: string, now: Date): { schedule: Schedule; text: string } {
  // A cron expression comes in quotes ("0 9 * * 1"); its fields are read as words.
  const words = input.trim().replace(cronInQuotes, "$1").split(/\s+/).filter(Boolean);
  const lower = words.map((w) => w.toLocaleLowerCase("fi"));
  const textFrom = (i: number) => {
    const text = words.slice(i).join(" ").trim();
    if (!text) refuse("reminder.text-missing");
    return text;
  };
  const local = DateTime.fromJSDate(now, { zone: timeZone });

  // A cron expression: the first six or five words all look like cron fields.
  for (const size of [6, 5]) {
    const head = words.slice(0, size);
    if (head.length === size && head.slice(0, -1).every((w) => cronField.test(w)) && cronDayField.test(head.at(-1) ?? "")) {
      if (size === 6 && !cronField.test(head[5] ?? "")) continue;
      const cron = head.join(" ");
      if (!isValidCron(cron, timeZone)) refuse("reminder.invalid-cron", { cron });
      return { schedule: { kind: "recurring", cron }, text: textFrom(size) };
    }
  }
  const oneOff = readOneOff(lower, local);
  if (oneOff) {
    const at = DateTime.fromObject({ ...oneOff.date, ...oneOff.time }, { zone: timeZone });
    if (!at.isValid) refuse("reminder.unreadable-time", { input: words.slice(0, oneOff.used).join(" ") });
    if (at.toMillis() <= now.getTime()) {
      refuse("reminder.in-past", { time: at.toFormat("d.M.yyyy H:mm"), now: local.toFormat("d.M.yyyy H:mm") });
    }
    return { schedule: { kind: "once", at: at.toJSDate() }, text: textFrom(oneOff.used) };
  }

  const recurring = readRecurring(lower);
  if (recurring) {
    if (!isValidCron(recurring.cron, timeZone)) refuse("reminder.invalid-cron", { cron: recurring.cron });
    return { schedule: { kind: "recurring", cron: recurring.cron }, text: textFrom(recurring.used) };
  }
  refuse("reminder.unreadable-time", { input: words.slice(0, 3).join(" ") || "—" });
}

function readRecurring(lower: readonly string[]): { cron: string; used: number } | null {
  let every = false;
  let daily = false;
  let weekdays = false;
  let first = false;
  let monthly = false;
  let weekday: number | null = null;
  let dayOfMonth: number | null = null;
  for (let i = 0; i < Math.min(lower.length, 9); i += 1) {
    const word = lower[i] ?? "";
    const time = readTime(word);
    // A bare number after "monthly" is the day of the month ("monthly 15 10:00", "kuukausittain 15. 10:00").
    if (monthly && dayOfMonth === null && /^\d{1,2}\.?$/.test(word) && readTime(lower[i + 1] ?? "") !== null) {
      dayOfMonth = Number(word.replace(".", ""));
      continue;
    }
    // A bare weekday ("maanantai 9:00") is not read as recurring: it needs "joka"/"every" or a plural.
    if (time && (every || daily || weekdays || first || monthly)) {
      const minute = time.minute;
      const hour = time.hour;
      let dom = "*";
      let dow = "*";
      if (first && weekday !== null) dow = `${weekday}#1`;
      else if (first) dom = "1";
      else if (monthly) dom = String(dayOfMonth ?? 1);
      else if (weekdays) dow = "1-5";
      else if (weekday !== null) dow = String(weekday);
      else if (!daily) return null;
      if (monthly && dayOfMonth !== null && (dayOfMonth < 1 || dayOfMonth > 31)) return null;
      // Not every month has a 29th–31st: such a reminder would skip them (cron does), unannounced.
      if (monthly && dayOfMonth !== null && dayOfMonth > 28) refuse("reminder.month-day", { day: dayOfMonth });
      return { cron: `${minute} ${hour} ${dom} * ${dow}`, used: i + 1 };
    }
    if (everyWords.has(word)) every = true;
    else if (dayWords.has(word)) daily = true;
    else if (weekdaysWords.has(word)) weekdays = true;
    else if (firstWords.has(word)) first = true;
    else if (monthlyWords.has(word)) monthly = true;
    else if (fillers.has(word)) continue;
    else {
      const day = weekdayOf(word);
      if (!day) return null;
      weekday = day.day;
      if (day.plural) every = true;
    }
  }
  return null;
}
