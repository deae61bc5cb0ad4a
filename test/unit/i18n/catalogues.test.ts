import { describe, expect, it } from "vitest";
import { catalogues } from "../../../src/i18n/catalogues.ts";
import { translate } from "../../../src/i18n/translate.ts";
import { locales } from "../../../src/i18n/locale.ts";
import { parseMessage, type Part } from "../../../src/i18n/message-format.ts";

// The parameters a message reads, plain or plural, each once.
const names = (parts: readonly Part[]): string[] =>
  parts.flatMap((part) => (typeof part === "string" || "hash" in part ? [] : [part.param, ...("branches" in part ? [...part.branches.values()].flatMap(names) : [])]));
const placeholders = (template: string) => [...new Set(names(parseMessage(template)))].sort();
const literalText = (parts: readonly Part[]): string[] =>
  parts.flatMap((part) => (typeof part === "string" ? [part] : "branches" in part ? [...part.branches.values()].flatMap(literalText) : []));

describe("message catalogues", () => {
  const finnish = catalogues.fi;

  it.each(locales)("%s has exactly the keys of the Finnish catalogue", (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(Object.keys(finnish).sort());
  });

  it.each(locales)("%s uses the same placeholders as Finnish in every message", (locale) => {
    const mismatched = Object.entries(finnish)
      .filter(([key, template]) => placeholders(template).join() !== placeholders(catalogues[locale][key as keyof typeof finnish]).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it.each(locales)("%s writes every plural so that it parses (an `other` branch, balanced braces)", (locale) => {
    const broken = Object.entries(catalogues[locale]).filter(([, template]) => literalText(parseMessage(template)).some((text) => /plural\s*,/.test(text)));
    expect(broken).toEqual([]);
  });

  it.each(locales)("%s has no empty message", (locale) => {
    expect(Object.entries(catalogues[locale]).filter(([, text]) => text.trim() === "")).toEqual([]);
  });

  it("English and Swedish are translations, not copies of Finnish", () => {
    // Command examples are syntax, and "{title} ({group})" has no words to translate.
    const hasWords = (text: string) => /\p{L}{3}/u.test(text.replace(/\{\w+\}/g, ""));
    const copies = (locale: "en" | "sv") =>
      Object.entries(finnish).filter(
        ([key, text]) => !key.endsWith(".example") && hasWords(text) && text.length > 12 && catalogues[locale][key as keyof typeof finnish] === text,
      );
    expect(copies("en")).toEqual([]);
    expect(copies("sv")).toEqual([]);
  });

  it("writes no fixed dates: examples count theirs from today, so the bot never shows a past one", () => {
    const fixed = /\b(\d{1,2}\.\d{1,2}\.20\d\d|20\d\d-\d\d-\d\d)\b/;
    for (const locale of ["fi", "en", "sv"] as const) {
      expect(Object.entries(catalogues[locale]).filter(([, text]) => fixed.test(text)).map(([key]) => key)).toEqual([]);
    }
    const example = translate("en", "command.meeting.schedule.example");
    const [day, month, year] = example.match(/(\d{1,2})\.(\d{1,2})\.(\d{4})/)!.slice(1).map(Number);
    expect(new Date(year!, month! - 1, day!).getTime()).toBeGreaterThan(Date.now());
  });

  it("writes its command examples with its own sample group, not the Finnish one", () => {
    const finnishGroup = (locale: "en" | "sv") =>
      Object.entries(catalogues[locale]).filter(([key, text]) => key.endsWith(".example") && /Viestintä/.test(text)).map(([key]) => key);
    expect(finnishGroup("en")).toEqual([]);
    expect(finnishGroup("sv")).toEqual([]);
  });
});
