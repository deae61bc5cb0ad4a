import { discord as en } from "../../src/i18n/en/discord.ts";
import { discord as fi } from "../../src/i18n/fi/discord.ts";
import { discord as sv } from "../../src/i18n/sv/discord.ts";
import { catalogues } from "../../src/i18n/catalogues.ts";
import type { Locale } from "../../src/i18n/locale.ts";

export type DiscordKey = keyof typeof fi;
const own: Readonly<Record<Locale, Readonly<Record<DiscordKey, string>>>> = { fi, en, sv };
const fill = (template: string, params: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));

/**
 * The adapter's own strings (`discord.*`), read straight from the discord catalogues so the adapter
 * does not depend on how the core merges its catalogues.
 */
export const say = (locale: Locale, key: DiscordKey, params: Readonly<Record<string, string | number>> = {}): string =>
  fill(own[locale][key], params);

/** Whether `key` is one of the adapter's own strings (area descriptions are looked up by name). */
export const isDiscordKey = (key: string): key is DiscordKey => Object.hasOwn(fi, key);

/** A core catalogue string that may be missing (e.g. `arg.<name>` of a new argument): null then. */
export function coreText(locale: Locale, key: string): string | null {
  const template = (catalogues[locale] as Readonly<Record<string, string | undefined>>)[key];
  return template ?? null;
}
