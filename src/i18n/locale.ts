import { z } from "zod";

export const localeSchema = z.enum(["fi", "en", "sv"]);
export type Locale = z.infer<typeof localeSchema>;
export const locales: readonly Locale[] = localeSchema.options;

/** The BCP 47 tag for dates and numbers: Swedish as written in Finland. */
export const localeTags: Readonly<Record<Locale, string>> = { fi: "fi-FI", en: "en-GB", sv: "sv-FI" };
