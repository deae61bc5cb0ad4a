import { DateTime } from "luxon";

// The one reader of a typed date and time, shared by meetings and reminders, so that whatever
// `remind add` accepts, `meeting schedule` accepts too: 5.12.2026 9:00 · 5.12. klo 9 ·
// 2026-12-05 09:00 · huomenna 9.30 · tomorrow 9:00 · i morgon kl 9.

const todayWords = new Set(["today", "tänään", "idag"]);
const tomorrowWords = new Set(["tomorrow", "huomenna", "imorgon"]);
const atWords = new Set(["klo", "kl", "kl.", "at"]);
const timePattern = /^(\d{1,2})(?:[:.](\d{2}))?$/;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}
export interface TimeParts {
  readonly hour: number;
  readonly minute: number;
}

export function readTime(word: string | undefined): TimeParts | null {
  const m = word === undefined ? null : timePattern.exec(word);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/**
 * `5.12.2026`, `5.12.26`, `2026-12-05`, `05/12/2026` (day first, as the bot writes dates in
 * English), or `5.12.` without a year: the next such date from today on.
 */
export function readDate(word: string, now: DateTime): DateParts | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(word);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(word);
  if (m) return { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$/.exec(word);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (m[3] !== undefined) return { year: m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), month, day };
  const thisYear = DateTime.fromObject({ year: now.year, month, day }, { zone: now.zone });
  return { year: thisYear.isValid && thisYear < now.startOf("day") ? now.year + 1 : now.year, month, day };
}

/**
 * A date and a time at the start of `lower` (lower-cased words), with how many words they took;
 * null when the words do not start with both.
 */
export function readOneOff(lower: readonly string[], local: DateTime): { date: DateParts; time: TimeParts; used: number } | null {
  let i = 0;
  let date: DateParts | null = null;
  const first = lower[0] ?? "";
  if (todayWords.has(first)) date = { year: local.year, month: local.month, day: local.day };
  else if (tomorrowWords.has(first) || (first === "i" && lower[1] === "morgon")) {
    const t = local.plus({ days: 1 });
    date = { year: t.year, month: t.month, day: t.day };
    if (first === "i") i += 1;
  } else date = readDate(first, local);
  if (!date) return null;
  i += 1;
  if (atWords.has(lower[i] ?? "")) i += 1;
  const time = readTime(lower[i]);
  if (!time) return null;
  return { date, time, used: i + 1 };
}
