import { catalogues, type MessageKey } from "./catalogues.ts";
import { localeTags, type Locale } from "./locale.ts";
import { exampleDate } from "./example-dates.ts";
import { countOf, formatMessage } from "./message-format.ts";

/**
 * A parameter is plain text, a number, another message put into words in the same language,
 * a list of those (shown one per line), or alternatives (shown in one line: "closed or certified").
 */
export type MessageParam = string | number | Message | Alternatives | readonly MessageParam[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** A message still to be put into words: the core returns these, the presenter picks the language. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

export const msg = (key: MessageKey, params?: MessageParams): Message => ({ key, params });

/** Choices a sentence names in a row, joined by the reader's "or". */
export interface Alternatives {
  readonly alternatives: readonly MessageParam[];
}
export const alternatives = (items: readonly MessageParam[]): Alternatives => ({ alternatives: items });

const paramText = (locale: Locale, value: MessageParam): string => {
  if (isList(value)) return value.map((item) => paramText(locale, item)).join("\n");
  if (typeof value !== "object") return String(value);
  if ("alternatives" in value) return new Intl.ListFormat(localeTags[locale], { type: "disjunction" }).format(value.alternatives.map((item) => paramText(locale, item)));
  return translate(locale, value.key, value.params);
};
const isList = (value: MessageParam): value is readonly MessageParam[] => Array.isArray(value);

/**
 * Puts a message into words (message-format.ts: `{name}` and `{name, plural, one {…} other {…}}`).
 * A parameter the caller forgot is left visible as `{name}` so a test or a reader notices, rather
 * than rendering "undefined". `{exampleDay}` and its kin need no caller: they are today's example
 * dates (example-dates.ts).
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(
    localeTags[locale],
    catalogues[locale][key],
    (name) => (params[name] === undefined ? exampleDate(name) : paramText(locale, params[name])),
    (name) => countOf(params[name]),
  );
}

export const render = (locale: Locale, message: Message): string =>
  translate(locale, message.key, message.params);

/** Binds a locale once, for code that writes many messages in one language. */
export const translator = (locale: Locale) => (key: MessageKey, params?: MessageParams) =>
  translate(locale, key, params);
export type Translator = ReturnType<typeof translator>;
