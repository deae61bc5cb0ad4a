import { describe, expect, it } from "vitest";
import { cronInWords } from "../../../src/core/reminders/cron-words.ts";
import { presentation } from "../../../src/i18n/presentation.ts";

const fi = presentation("fi", "Europe/Helsinki");
const en = presentation("en", "Europe/Helsinki");
const sv = presentation("sv", "Europe/Helsinki");

describe("a recurring reminder in words", () => {
  it("says each form remind add reads from words in the reader's language", () => {
    expect(cronInWords(fi, "0 9 * * 1")).toBe("joka maanantai klo 09.00");
    expect(cronInWords(en, "0 9 * * 1")).toBe("every Monday at 09:00");
    expect(cronInWords(sv, "30 8 * * 1-5")).toBe("vardagar kl. 08.30");
    expect(cronInWords(en, "0 10 1 * *")).toBe("the first day of the month at 10:00");
    expect(cronInWords(fi, "0 10 15 * *")).toBe("kuukausittain 15. päivä klo 10.00");
    expect(cronInWords(en, "0 9 * * 1#1")).toBe("the first Monday of the month at 09:00");
    expect(cronInWords(en, "0 8 * * *")).toBe("every day at 08:00");
  });

  it("shows an expression typed as cron as it is", () => {
    expect(cronInWords(en, "*/20 * * * *")).toBe("*/20 * * * *");
    expect(cronInWords(en, "0 9 * 6 1")).toBe("0 9 * 6 1");
  });
});
