import type { MessageKey } from "./catalogues.ts";
import type { Locale } from "./locale.ts";
import { translator, type Message, type MessageParams, type Translator } from "./translate.ts";

/**
 * Everything a text for a person or a channel depends on: the words (`t`, bound to the reader's
 * language), the language itself (for dates and numbers) and the time zone times are shown in.
 * Every function that makes such a text takes one as its first parameter, named `p`.
 */
export interface Presentation {
  readonly t: Translator;
  readonly locale: Locale;
  readonly timeZone: string;
}

export const presentation = (locale: Locale, timeZone: string): Presentation => ({ t: translator(locale), locale, timeZone });

/** A message the core returned, put into the reader's words. */
export const say = (p: Presentation, message: Message): string => p.t(message.key, message.params);

export type { MessageKey, MessageParams };
