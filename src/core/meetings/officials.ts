import { z } from "zod";
import type { Presentation } from "../../i18n/presentation.ts";

/** The officials a meeting chooses for itself (yhdistyslaki §31: chair, secretary, checkers). */
export const officialRoles = ["chair", "secretary", "checker", "teller"] as const;
export const officialRoleSchema = z.enum(officialRoles);
export type OfficialRole = z.infer<typeof officialRoleSchema>;

export const officialSchema = z.object({
  meetingId: z.string(),
  role: officialRoleSchema,
  position: z.number().int(),
  name: z.string(),
  personId: z.string().nullable(),
});
export type Official = z.infer<typeof officialSchema>;

/** How many of each role the minutes have lines for; tellers are as many as the meeting needs. */
export const officialLimits: Record<OfficialRole, number> = { chair: 1, secretary: 1, checker: 2, teller: 4 };

// The words a secretary types on a phone, in the three languages, singular and plural alike.
const roleWords: Record<OfficialRole, readonly string[]> = {
  chair: ["chair", "pj", "puheenjohtaja", "puheenjohtajaksi", "ordförande", "ordf"],
  secretary: ["secretary", "siht", "sihteeri", "sihteeriksi", "sekreterare"],
  checker: ["checker", "checkers", "tarkastaja", "tarkastajat", "tarkastajiksi", "pöytäkirjantarkastajat", "pöytäkirjantarkastajiksi", "justerare", "justeringsmän"],
  teller: ["teller", "tellers", "ääntenlaskija", "ääntenlaskijat", "ääntenlaskijoiksi", "rösträknare"],
};

export const officialRoleOf = (word: string): OfficialRole | null => {
  const w = word.toLocaleLowerCase("fi");
  return officialRoles.find((role) => roleWords[role].includes(w)) ?? null;
};

/** What `meeting officials` was given: for each role named, its names in order. */
export type OfficialChoice = Partial<Record<OfficialRole, string[]>>;

/**
 * Reads the tokens of `chair "Anna A" secretary Liisa checkers Maija Pekka tellers "C D" E` (words of the role in
 * any of the three languages). Returns null when the first word is not a role or a role is over its
 * count, so the command can answer with its usage.
 */
export function readOfficials(words: readonly { readonly text: string; readonly quoted: boolean }[]): OfficialChoice | null {
  const choice: OfficialChoice = {};
  let current: OfficialRole | null = null;
  for (const { text: word, quoted } of words) {
    // A name in quotes is a name, even one that reads like a role.
    const role = quoted ? null : officialRoleOf(word);
    if (role) {
      current = role;
      choice[role] = [];
      continue;
    }
    if (!current) return null;
    choice[current]!.push(word);
  }
  for (const role of officialRoles) {
    const names = choice[role];
    if (names && (names.length === 0 || names.length > officialLimits[role])) return null;
  }
  return current ? choice : null;
}

export const officialsOf = (officials: readonly Official[], role: OfficialRole): Official[] =>
  officials.filter((o) => o.role === role).sort((a, b) => a.position - b.position);

/** "Puheenjohtaja Anna, sihteeri Liisa, pöytäkirjantarkastajat Maija ja Pekka, ääntenlaskijat …" */
export function officialsSentence(p: Presentation, officials: readonly Official[]): string | null {
  const parts = officialRoles
    .map((role) => {
      const names = officialsOf(officials, role).map((o) => o.name);
      if (names.length === 0) return null;
      return p.t(`officials.sentence.${role}`, { names: joinNames(p, names), count: names.length });
    })
    .filter((part): part is string => part !== null);
  return parts.length ? parts.join(", ") : null;
}

/** "Maija ja Pekka", "Maija and Pekka", "Maija och Pekka". */
export const joinNames = (p: Pick<Presentation, "locale">, names: readonly string[]): string =>
  new Intl.ListFormat(p.locale, { type: "conjunction" }).format(names);

const line = "______________________";

/**
 * The signature lines: chair and secretary, then the checkers' lines under "checked and approved",
 * each with the name of who signs; a line stays blank where the meeting named nobody.
 */
export function signatureLines(p: Presentation, officials: readonly Official[]): string[] {
  const signer = (label: string, name: string | undefined) => (name ? `${label} ${name}: ${line}` : `${label}: ${line}`);
  const chair = officialsOf(officials, "chair")[0]?.name;
  const secretary = officialsOf(officials, "secretary")[0]?.name;
  const checkers = officialsOf(officials, "checker").map((c) => `${c.name}: ${line}`);
  return [
    `${signer(p.t("minutes.chair-signature"), chair)}   ${signer(p.t("minutes.secretary-signature"), secretary)}`,
    "",
    p.t("minutes.checked"),
    "",
    checkers.length ? checkers.join("   ") : `${line}   ${line}`,
    "",
  ];
}
