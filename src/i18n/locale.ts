import { z } from "zod";

export const localeSchema = z.enum(["fi", "en", "sv"]);
export type Locale = z.infer<typeof localeSchema>;
export const locales: readonly Locale[] = localeSchema.options;
