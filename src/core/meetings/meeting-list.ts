import type { Group } from "../groups/group.ts";
import { readPage, type Page, type Window } from "../shared/page.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { Meeting } from "./meeting.ts";
import { minutesSummaries, type MinutesSummary } from "./minutes-approval.ts";
import { yearNumbersOf } from "./year-number.ts";

/**
 * One page of `meeting list`. A chair looks for the next meeting or the latest one, so the list
 * starts with the upcoming meetings, soonest first, and goes on with the rest, latest first: page 1
 * holds both ends, and older meetings are further pages.
 */
export interface MeetingListPage {
  readonly group: Group;
  /** Every meeting on the page, upcoming then past; its total counts both parts. */
  readonly page: Page<Meeting>;
  readonly upcoming: readonly Meeting[];
  readonly past: readonly Meeting[];
  /** How many each part has in all, not only on this page. */
  readonly counts: { readonly upcoming: number; readonly past: number };
  readonly minutes: ReadonlyMap<string, MinutesSummary>;
  /** "3/2026" by meeting id. */
  readonly yearNumbers: ReadonlyMap<string, string>;
}

/** The parts of `window` (over upcoming then past) that fall in each part. */
export function splitWindow({ offset, limit }: Window, upcoming: number): { upcoming: Window | null; past: Window | null } {
  const upcomingTake = Math.max(0, Math.min(limit, upcoming - offset));
  const pastTake = limit - upcomingTake;
  return {
    upcoming: upcomingTake > 0 ? { offset, limit: upcomingTake } : null,
    past: pastTake > 0 ? { offset: Math.max(0, offset - upcoming), limit: pastTake } : null,
  };
}

/** Page `page` of the group's meetings as of `now`; the minutes and numbers only of those on it. */
export async function meetingListPage(stores: Stores, group: Group, now: Date, page: number, timeZone: string): Promise<MeetingListPage> {
  let counts = { upcoming: 0, past: 0 };
  const parts = { upcoming: [] as Meeting[], past: [] as Meeting[] };
  const count = async () => {
    counts = await stores.meetings.countUpcomingAndPast(group.id, now);
    return counts.upcoming + counts.past;
  };
  const rows = async (window: Window) => {
    const split = splitWindow(window, counts.upcoming);
    [parts.upcoming, parts.past] = await Promise.all([
      split.upcoming ? stores.meetings.upcoming(group.id, now, split.upcoming) : [],
      split.past ? stores.meetings.past(group.id, now, split.past) : [],
    ]);
    return [...parts.upcoming, ...parts.past];
  };
  const listed = await readPage(page, count, rows);
  // Each part is consecutive meetings, which is what yearNumbersOf reads cheaply.
  const [minutes, upcomingYears, pastYears] = await Promise.all([
    minutesSummaries(stores, listed.items),
    yearNumbersOf(stores, group.id, parts.upcoming, timeZone),
    yearNumbersOf(stores, group.id, parts.past, timeZone),
  ]);
  return { group, page: listed, ...parts, counts, minutes, yearNumbers: new Map([...upcomingYears, ...pastYears]) };
}
