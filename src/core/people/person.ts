import { z } from "zod";
import { localeSchema } from "../../i18n/locale.ts";

export const personSchema = z.object({
  id: z.string(),
  /** The adapter's opaque id ("console:anna", "slack:T1:U2"); the core never looks inside. */
  externalId: z.string(),
  displayName: z.string(),
  organisation: z.string().nullable(),
  sector: z.string().nullable(),
  municipality: z.string().nullable(),
  locale: localeSchema.nullable(),
});
export type Person = z.infer<typeof personSchema>;

/** Who a platform says somebody is, before we have (or look up) our own record of them. */
export interface PersonIdentity {
  readonly externalId: string;
  readonly displayName: string;
}

export const profileFields = ["name", "organisation", "sector", "municipality"] as const;
export type ProfileField = (typeof profileFields)[number];
