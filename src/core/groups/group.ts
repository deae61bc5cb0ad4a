import { z } from "zod";
import { groupRulesSchema } from "./rules.ts";

export const roles = ["chair", "vice-chair", "secretary", "member", "deputy", "observer"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

// Role names as people type them, in Finnish, Swedish and English; the stored role is the English id.
export const roleWords: Readonly<Record<Role, readonly string[]>> = {
  chair: ["puheenjohtaja", "pj", "ordförande", "ordf"],
  "vice-chair": ["varapuheenjohtaja", "varapj", "vpj", "vice ordförande", "vice-ordförande", "viceordförande", "vice chair", "vicechair"],
  secretary: ["sihteeri", "sekreterare"],
  member: ["jäsen", "medlem"],
  deputy: ["varajäsen", "suppleant", "ersättare"],
  observer: ["tarkkailija", "observatör"],
};

/** The roles that run a group: they change roles, rename and archive. */
export const officerRoles: readonly Role[] = ["chair", "vice-chair", "secretary"];

export const groupNameMaxLength = 80;

export const groupSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  channelId: z.string().nullable(),
  archivedAt: z.date().nullable(),
  rules: groupRulesSchema,
  createdAt: z.date(),
});
export type Group = z.infer<typeof groupSchema>;

export const membershipSchema = z.object({
  groupId: z.string(),
  personId: z.string(),
  role: roleSchema,
  /** A personal deputy stands in for this member (a person id). */
  deputyOfId: z.string().nullable(),
  joinedAt: z.date(),
});
export type Membership = z.infer<typeof membershipSchema>;

export interface MemberView extends Membership {
  readonly displayName: string;
  /** The platform's id for the person, shown only to tell look-alike names apart. */
  readonly externalId: string;
  readonly organisation: string | null;
  readonly sector: string | null;
}

/**
 * Group names are unique per workspace regardless of case, surrounding spaces and Unicode form (NFC and NFD
 * twins are one name); confusable names are refused in the service (src/core/people/names.ts).
 */
export const groupNameKey = (name: string): string => name.normalize("NFC").trim().toLocaleLowerCase("fi");
