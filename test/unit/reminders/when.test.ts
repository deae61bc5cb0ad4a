import { CronExpressionParser } from "cron-parser";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isValidCron, nextOccurrence, parseWhen, weekdayOf } from "../../../src/core/reminders/when.ts";
import { isRefusal } from "../../../src/core/shared/refusal.ts";

const zone = "Europe/Helsinki";
const now = new Date("2026-11-28T10:00:00Z"); // Saturday 12:00 in Helsinki
const local = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");
const refusalOf = (input: string) => {
  try {
    parseWhen(input, zone, now);
  } catch (error) {
    if (isRefusal(error)) return error.code;
    throw error;
  }
  return null;
};

describe("reading when a reminder happens", () => {
  it.each([
    ["5.12.2026 9:00 Muista kokous", "Sat 2026-12-05 09:00"],
    ["2026-12-05 09:00 Muista kokous", "Sat 2026-12-05 09:00"],
    ["5.12.2026 klo 9.30 Muista kokous", "Sat 2026-12-05 09:30"],
    ["5.12. 9 Muista kokous", "Sat 2026-12-05 09:00"],
    ["huomenna 9:00 Muista kokous", "Sun 2026-11-29 09:00"],
    ["tomorrow 9:00 Muista kokous", "Sun 2026-11-29 09:00"],
    ["i morgon kl 9 Muista kokous", "Sun 2026-11-29 09:00"],
    ["3.1. 9:00 Muista kokous", "Sun 2027-01-03 09:00"],
  ])("one-off %s", (input, expected) => {
    const { schedule, text } = parseWhen(input, zone, now);
    expect(schedule.kind).toBe("once");
    if (schedule.kind === "once") expect(local(schedule.at)).toBe(expected);
    expect(text).toBe("Muista kokous");
  });

  it.each([
    ["joka maanantai 9:00 Viikkopalaveri", "0 9 * * 1"],
    ["maanantaisin 9 Viikkopalaveri", "0 9 * * 1"],
    ["every Monday 9:00 Viikkopalaveri", "0 9 * * 1"],
    ["varje måndag kl 9 Viikkopalaveri", "0 9 * * 1"],
    ["joka päivä 8.15 Viikkopalaveri", "15 8 * * *"],
    ["arkisin 8:00 Viikkopalaveri", "0 8 * * 1-5"],
    ["weekdays 8:00 Viikkopalaveri", "0 8 * * 1-5"],
    ["kuun ensimmäinen päivä 10:00 Viikkopalaveri", "0 10 1 * *"],
    ["first day of the month 10:00 Viikkopalaveri", "0 10 1 * *"],
    ["första dagen i månaden 10:00 Viikkopalaveri", "0 10 1 * *"],
    ["first Monday of the month 9:00 Viikkopalaveri", "0 9 * * 1#1"],
    ["kuukausittain 15. 10:00 Viikkopalaveri", "0 10 15 * *"],
    ["0 9 * * 1 Viikkopalaveri", "0 9 * * 1"],
    ["*/15 9-17 * * mon-fri Viikkopalaveri", "*/15 9-17 * * mon-fri"],
  ])("recurring %s", (input, cron) => {
    const { schedule, text } = parseWhen(input, zone, now);
    expect(schedule).toEqual({ kind: "recurring", cron });
    expect(text).toBe("Viikkopalaveri");
  });

  it.each([
    ["1.1.2020 9:00 Vanha", "reminder.in-past"],
    ["28.11.2026 11:59 Juuri mennyt", "reminder.in-past"],
    ["ensi viikolla Kokous", "reminder.unreadable-time"],
    ["maanantai 9:00 Kokous", "reminder.unreadable-time"],
    ["31.2.2027 9:00 Ei päivää", "reminder.unreadable-time"],
    ["5.12.2026 25:00 Kokous", "reminder.unreadable-time"],
    ["61 9 * * 1 Kokous", "reminder.invalid-cron"],
    ["0 9 * 13 1 Kokous", "reminder.invalid-cron"],
    ["5.12.2026 9:00", "reminder.text-missing"],
    // Not every month has a 31st: the reminder would skip those months.
    ["monthly 31 10:00 Kuun loppu", "reminder.month-day"],
    ["kuukausittain 29. 10:00 Kuun loppu", "reminder.month-day"],
  ])("refuses %s", (input, code) => {
    expect(refusalOf(input)).toBe(code);
  });

  it("knows weekdays in three languages, singular and plural", () => {
    expect(weekdayOf("perjantaisin")).toEqual({ day: 5, plural: true });
    expect(weekdayOf("Fridays")).toEqual({ day: 5, plural: true });
    expect(weekdayOf("fredagar")).toEqual({ day: 5, plural: true });
    expect(weekdayOf("söndag")).toEqual({ day: 0, plural: false });
    expect(weekdayOf("kokous")).toBeNull();
    expect(isValidCron("0 9 * * 1")).toBe(true);
    expect(isValidCron("0 9 * *")).toBe(false);
  });
});

describe("daylight saving in Helsinki", () => {
  it("a weekly 9:00 reminder stays at 9:00 local time across the last Sunday of March", () => {
    const times: string[] = [];
    let after = new Date("2026-03-20T00:00:00Z");
    for (let i = 0; i < 3; i += 1) {
      after = nextOccurrence("0 9 * * 1", zone, after);
      times.push(`${after.toISOString()} ${local(after)}`);
    }
    expect(times).toEqual([
      "2026-03-23T07:00:00.000Z Mon 2026-03-23 09:00",
      "2026-03-30T06:00:00.000Z Mon 2026-03-30 09:00",
      "2026-04-06T06:00:00.000Z Mon 2026-04-06 09:00",
    ]);
  });

  it("and across the last Sunday of October", () => {
    const first = nextOccurrence("0 9 * * 1", zone, new Date("2026-10-20T00:00:00Z"));
    const second = nextOccurrence("0 9 * * 1", zone, first);
    expect([first.toISOString(), second.toISOString()]).toEqual(["2026-10-26T07:00:00.000Z", "2026-11-02T07:00:00.000Z"]);
    expect(local(first)).toBe("Mon 2026-10-26 09:00");
  });

  it("a Sunday reminder on the change day itself happens once, at local time", () => {
    const march = nextOccurrence("0 9 * * 0", zone, new Date("2026-03-28T12:00:00Z"));
    expect(march.toISOString()).toBe("2026-03-29T06:00:00.000Z");
    const october = nextOccurrence("0 9 * * 0", zone, new Date("2026-10-24T12:00:00Z"));
    expect(october.toISOString()).toBe("2026-10-25T07:00:00.000Z");
    expect(nextOccurrence("0 9 * * 0", zone, october).toISOString()).toBe("2026-11-01T07:00:00.000Z");
  });

  it("a one-off at a local time reads the offset of that date", () => {
    const { schedule } = parseWhen("1.4.2027 9:00 Huhtikuu", zone, now);
    expect(schedule.kind === "once" && schedule.at.toISOString()).toBe("2027-04-01T06:00:00.000Z");
  });

  it("next occurrence is strictly after the given instant", () => {
    const at = new Date("2026-03-30T06:00:00Z");
    expect(nextOccurrence("0 9 * * 1", zone, at).toISOString()).toBe("2026-04-06T06:00:00.000Z");
  });
});

describe("next occurrence agrees with cron-parser", () => {
  const expressions = ["0 9 * * 1", "*/15 8-17 * * 1-5", "30 3 * * *", "0 10 1 * *", "0 0 29 2 *", "5 4 1,15 * 5", "0 12 * 6-8 sat,sun", "*/20 * * * * *", "0 0 13 * 5"];
  const instants = ["2026-03-28T23:59:00Z", "2026-03-29T00:30:00Z", "2026-10-24T23:30:00Z", "2026-10-25T00:45:00Z", "2026-12-31T22:00:00Z", "2027-02-27T12:00:00Z"];
  it.each(expressions)("%s", (cron) => {
    for (const at of instants) {
      let after = new Date(at);
      for (let k = 0; k < 5; k += 1) {
        const ours = nextOccurrence(cron, zone, after);
        const theirs = CronExpressionParser.parse(cron, { tz: zone, currentDate: after }).next().toDate();
        expect(`${cron} after ${after.toISOString()}: ${ours.toISOString()}`).toBe(`${cron} after ${after.toISOString()}: ${theirs.toISOString()}`);
        after = ours;
      }
    }
  });
});
