// HTML and SVG built from tagged templates: every interpolated value is escaped unless it is
// markup made here, so a candidate's or a group's name can never open a tag. Synchronous (unlike
// hono/html), because the same pages are written to files by the static export. Templates write
// non-ASCII characters as escapes (`\u00b7` for the middle dot) so that the bot's bundle stays ASCII
// (see warnIfNotAscii in scripts/build.mjs).

const entities: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => entities[ch]!);

/** Markup that is already safe: made by `html` (its parts escaped) or by `raw` from a constant. */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template takes: text (escaped), numbers, markup, lists of those; null, undefined and false write nothing. */
export type Part = string | number | Markup | null | undefined | false | readonly Part[];

const write = (part: Part): string => {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Markup) return part.text;
  if (Array.isArray(part)) return part.map(write).join("");
  return escapeHtml(String(part));
};

export function html(strings: TemplateStringsArray, ...parts: readonly Part[]): Markup {
  let out = strings[0]!;
  parts.forEach((part, i) => (out += write(part) + strings[i + 1]!));
  return new Markup(out);
}

/** For constants of our own (a stylesheet), never for anything a user wrote. */
export const raw = (text: string): Markup => new Markup(text);
