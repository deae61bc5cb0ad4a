import { z } from "zod";

/** The languages the bot speaks, Finnish (the working language) first. */
export const locales = ["fi", "en", "sv"] as const;
export type Locale = (typeof locales)[number];
// Pure: the tally CLI, which checks a language with isLocale, then carries no zod for it.
export const localeSchema = /* @__PURE__ */ z.enum(locales);

export const isLocale = (value: unknown): value is Locale => (locales as readonly unknown[]).includes(value);

/** The BCP 47 tag for dates and numbers: Swedish as written in Finland. */
export const localeTags: Readonly<Record<Locale, string>> = { fi: "fi-FI", en: "en-GB", sv: "sv-FI" };
