// The tally CLI's words: its own messages (the `tally.*` keys) in the three languages, without the
// bot's thousands of others, which the command would otherwise read and build at every start. A
// Translator of the whole catalogue is also a TallyTranslator, so code shared with the bot (the count
// narrative) takes a TallyTranslator and serves both.
import { tally as en } from "./en/tally.ts";
import { tally as fi } from "./fi/tally.ts";
import { tally as sv } from "./sv/tally.ts";
import { localeTags, type Locale } from "./locale.ts";
import { countOf, formatMessage } from "./message-format.ts";

export type TallyKey = keyof typeof fi;
export type TallyParams = Readonly<Record<string, string | number>>;
export type TallyTranslator = (key: TallyKey, params?: TallyParams) => string;

const catalogues: Readonly<Record<Locale, Readonly<Record<TallyKey, string>>>> = { fi, en, sv };

/** Puts the tally's messages into words in one language, as translate() does the bot's. */
export const tallyTranslator =
  (locale: Locale): TallyTranslator =>
  (key, params = {}) =>
    formatMessage(
      localeTags[locale],
      catalogues[locale][key],
      (name) => (params[name] === undefined ? undefined : String(params[name])),
      (name) => countOf(params[name]),
    );
