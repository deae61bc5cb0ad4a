import { z } from "zod";
import { groupNameMaxLength, roleWords } from "../core/groups/group.ts";
import { localeSchema } from "../i18n/locale.ts";

/**
 * Argument kinds. `kind` tells adapters how to ask for the value (Discord: a user option for a
 * person, autocomplete for a group; Slack/console: text), `rest` that it takes the rest of the line.
 */
export interface ArgMeta {
  readonly kind?: "group" | "person" | "channel" | "text" | "long-text";
  readonly rest?: boolean;
  /**
   * Offer an enum's values by autocomplete rather than as fixed choices: the same list shows on an
   * empty input, and the values do not count against Discord's 8000 characters for /council twice
   * (a choice's name and value) — for enums of many or long values.
   */
  readonly picker?: "autocomplete";
  /** Typed by name with its value, `--page 2`, anywhere a flag may go; not a positional word. */
  readonly named?: boolean;
  /** A name that takes the rest of the line (a new group's): a quote opened at its start and never closed is refused, not kept. */
  readonly isName?: boolean;
}

export const personNameMaxLength = 80;

export const groupName = () => z.string().trim().min(1).max(groupNameMaxLength).meta({ kind: "group" } satisfies ArgMeta);
export const newGroupName = () =>
  z.string().trim().min(1).max(groupNameMaxLength).meta({ kind: "text", rest: true, isName: true } satisfies ArgMeta);
export const personRef = () => z.string().trim().min(1).max(personNameMaxLength).meta({ kind: "person" } satisfies ArgMeta);
/** A channel: its name (`#tiedotteet`) or the platform's id; a `#` alone names none. */
export const channelRef = () =>
  z.string().trim().min(1).max(120).regex(/[\p{L}\p{N}]/u).meta({ kind: "channel" } satisfies ArgMeta);
export const restOfLine = (max: number) => z.string().trim().min(1).max(max).meta({ kind: "text", rest: true } satisfies ArgMeta);

/**
 * A keyword as people type it: its id, or its word in Finnish, Swedish or English, in any case and
 * spacing (`Etänä`, `distans`, `"vice ordförande"`; a phone capitalises the first letter). Anything
 * else stays as typed, for the enum to refuse with its ids. Discord offers the ids as choices.
 */
export function keyword<const T extends string>(words: Readonly<Record<T, readonly string[]>>) {
  const ids = Object.keys(words) as [T, ...T[]];
  const idOf = (typed: unknown): unknown => {
    if (typeof typed !== "string") return typed;
    const word = typed.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("fi");
    return ids.find((id) => id === word || words[id].includes(word)) ?? typed;
  };
  return z.preprocess(idOf, z.enum(ids));
}

/** A role in any of the three languages (`puheenjohtaja`, `ordförande`, `"vice ordförande"`, `chair`), offered by autocomplete on Discord. */
export const role = () => keyword(roleWords).meta({ picker: "autocomplete" } satisfies ArgMeta);

/** The bot's languages, by code or by name in any of them (`lang Svenska`, `lang EN`). */
export const locale = () =>
  keyword<z.infer<typeof localeSchema>>({
    fi: ["suomi", "suomeksi", "finnish", "finska"],
    en: ["english", "englanti", "englanniksi", "engelska"],
    sv: ["svenska", "ruotsi", "ruotsiksi", "swedish"],
  });

/** How a person attends a meeting, as the attendance list words it in each language. */
const attendanceWords = {
  present: ["läsnä", "paikalla", "närvarande"],
  remote: ["etänä", "etäyhteydellä", "etä", "distans"],
} as const;
export const attendanceMode = () => keyword(attendanceWords);
/** The secretary's record of a person: present, remote or absent. */
export const attendanceRecord = () => keyword({ ...attendanceWords, absent: ["poissa", "frånvarande"] });
export const flag = () => z.boolean().default(false);
/** Which page of a list to show (`--page 2`); the "more" button fills it in. */
export const pageArg = () => z.coerce.number().int().min(1).max(100_000).default(1).meta({ named: true } satisfies ArgMeta);

export const argMeta = (schema: z.ZodType): ArgMeta => {
  const inner = schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? schema.unwrap() : schema;
  return ((inner as z.ZodType).meta() ?? schema.meta() ?? {}) as ArgMeta;
};

/** A long text platforms may ask for in a form (Slack/Discord modal, console prompt). */
export const longText = (max: number) => z.string().trim().min(1).max(max).meta({ kind: "long-text", rest: true } satisfies ArgMeta);
export const shortIdArg = () => z.string().trim().toLowerCase().regex(/^[a-z0-9]{4,40}$/).meta({ kind: "text" } satisfies ArgMeta);
