import { describe, expect, it } from "vitest";
import { parseItemInput } from "../../../src/core/meetings/item-input.ts";
import { parseDueDate, parseWhen } from "../../../src/core/meetings/when.ts";
import { Refusal } from "../../../src/core/shared/refusal.ts";

const zone = "Europe/Helsinki";
const now = new Date("2026-11-28T10:00:00Z");

describe("reading a meeting's time", () => {
  it("takes a quoted place without its quotes, and any other place exactly as typed", () => {
    expect(parseWhen('3.12.2030 klo 14 "Maakuntasali, 2. krs"', "Europe/Helsinki", now)?.rest).toBe("Maakuntasali, 2. krs");
    expect(parseWhen(`3.12.2030 14:00 Järjestöjen "Olohuone"`, "Europe/Helsinki", now)?.rest).toBe(`Järjestöjen "Olohuone"`);
  });

  it.each([
    ["3.12.2026 14:00", "2026-12-03T12:00:00.000Z"],
    ["3.12.2026 klo 14", "2026-12-03T12:00:00.000Z"],
    ["3.12.2026 klo 14.30", "2026-12-03T12:30:00.000Z"],
    ["2026-12-03 14:00", "2026-12-03T12:00:00.000Z"],
    ["15.6.2027 9:15", "2027-06-15T06:15:00.000Z"],
  ])("reads %s in Helsinki time", (input, utc) => {
    expect(parseWhen(input, zone, now)?.at.toISOString()).toBe(utc);
  });

  it("keeps what follows the time as the place", () => {
    expect(parseWhen("3.12.2026 klo 14 Maakuntasali, Kuopio", zone, now)?.rest).toBe("Maakuntasali, Kuopio");
    expect(parseWhen("2026-12-03 14:00 https://meet.example.org/abc", zone, now)?.rest).toBe("https://meet.example.org/abc");
  });

  it.each(["huomenna", "31.2.2026 14:00", "3.12.2026 25:00", "3.12.2026", "29.3.2026 03:30"])("refuses %s", (input) => {
    expect(parseWhen(input, zone, now)).toBeNull();
  });

  it("reads a date without a year as the next such date, the way remind add does", () => {
    expect(parseWhen("10.12. klo 14 Maakuntasali", zone, now)).toEqual({ at: new Date("2026-12-10T12:00:00.000Z"), rest: "Maakuntasali" });
    expect(parseWhen("5.1. 9:00", zone, now)?.at.toISOString()).toBe("2027-01-05T07:00:00.000Z");
    expect(parseWhen("huomenna klo 9", zone, now)?.at.toISOString()).toBe("2026-11-29T07:00:00.000Z");
  });

  it("reads a due date as the end of that day", () => {
    expect(parseDueDate("15.12.2026", zone)?.toISOString()).toBe("2026-12-15T21:59:59.999Z");
    // Day first, as the bot writes dates in English (Sat, 05/12/2026); a month 15 is no date.
    expect(parseDueDate("15/12/2026", zone)?.toISOString()).toBe("2026-12-15T21:59:59.999Z");
    expect(parseDueDate("12/15/2026", zone)).toBeNull();
    expect(parseDueDate("31.2.2027", zone)).toBeNull();
    // Without a year: the next such day; with or without the closing dot.
    expect(parseDueDate("15.12.", zone, now)?.toISOString()).toBe("2026-12-15T21:59:59.999Z");
    expect(parseDueDate("15.12", zone, now)?.toISOString()).toBe("2026-12-15T21:59:59.999Z");
    expect(parseWhen("05/12/2026 09:00", zone, now)?.at.toISOString()).toBe("2026-12-05T07:00:00.000Z");
  });
});

describe("reading an agenda item", () => {
  it("splits title, text and link", () => {
    expect(parseItemInput("Uutiskirje -- Sovitaan numeroista. https://esimerkki.fi/x")).toEqual({
      title: "Uutiskirje",
      text: "Sovitaan numeroista.",
      link: "https://esimerkki.fi/x",
    });
  });
  it("takes a title alone, with or without a link", () => {
    expect(parseItemInput("Budjetti 2027")).toEqual({ title: "Budjetti 2027", text: null, link: null });
    expect(parseItemInput("Budjetti https://esimerkki.fi/b")).toEqual({ title: "Budjetti", text: null, link: "https://esimerkki.fi/b" });
  });
  it("refuses an item without a title", () => {
    expect(() => parseItemInput("-- pelkkä teksti")).toThrow(Refusal);
  });
});
