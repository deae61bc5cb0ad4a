import { describe, expect, it } from "vitest";
import { showTime } from "../../../src/core/shared/show-time.ts";
import { presentation } from "../../../src/i18n/presentation.ts";

// 3 December 2026 at 14:00 in Helsinki (UTC+2 in winter).
const at = new Date("2026-12-03T12:00:00Z");
const helsinki = (locale: "fi" | "en" | "sv") => presentation(locale, "Europe/Helsinki");

describe("showTime: one way to show a moment, in the reader's language and the council's zone", () => {
  it("writes Finnish dates and times as Finns read them", () => {
    expect(showTime(helsinki("fi"), "date", at)).toBe("3.12.2026");
    expect(showTime(helsinki("fi"), "time", at)).toBe("14.00");
    expect(showTime(helsinki("fi"), "dateTime", at)).toBe("3.12.2026 klo 14.00");
    expect(showTime(helsinki("fi"), "weekdayDateTime", at)).toBe("to 3.12.2026 klo 14.00");
  });

  it("writes English (British) and Swedish (as in Finland) their own way", () => {
    expect(showTime(helsinki("en"), "date", at)).toBe("03/12/2026");
    expect(showTime(helsinki("en"), "weekdayDateTime", at)).toMatch(/^Thu,? 03\/12\/2026,? 14:00$/);
    expect(showTime(helsinki("sv"), "date", at)).toBe("3.12.2026");
    expect(showTime(helsinki("sv"), "time", at)).toBe("14.00");
  });

  it("shows the moment in the presentation's time zone, summer time included", () => {
    const midsummer = new Date("2026-06-19T21:30:00Z");
    expect(showTime(helsinki("fi"), "dateTime", midsummer)).toBe("20.6.2026 klo 00.30");
    expect(showTime(presentation("fi", "UTC"), "dateTime", midsummer)).toBe("19.6.2026 klo 21.30");
  });
});
