import { describe, expect, it } from "vitest";
import { catalogues } from "../../../src/i18n/catalogues.ts";
import { locales } from "../../../src/i18n/locale.ts";

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
});
