import { slack as en } from "../../src/i18n/en/slack.ts";
import { slack as fi } from "../../src/i18n/fi/slack.ts";
import { slack as sv } from "../../src/i18n/sv/slack.ts";
import type { Locale } from "../../src/i18n/locale.ts";

export type SlackKey = keyof typeof fi;
const catalogues: Readonly<Record<Locale, Readonly<Record<SlackKey, string>>>> = { fi, en, sv };

/**
 * The adapter's own strings (`slack.*`), filled like the core's `translate`. Read straight from the
 * slack catalogues so the adapter does not depend on how the core merges its catalogues.
 */
export const say = (locale: Locale, key: SlackKey, params: Readonly<Record<string, string | number>> = {}): string =>
  catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
