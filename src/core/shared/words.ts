/**
 * Splits a typed line into words the way people type them: spaces separate, and a word that starts
 * with a quote runs to its closing quote. Phones type typographic quotes (”…”, „…“, «…», ‘…’), so
 * those count too. A quote that opens nothing (the apostrophe of `Organisations' forum`, an odd one
 * out) is an ordinary character. Every word keeps its place in the line, so the rest of a line can be
 * taken exactly as typed, quotes and all.
 */
export interface LineToken {
  /** The word without its enclosing quotes. */
  readonly text: string;
  /** Where the word, quotes included, starts and ends in the line. */
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

const doubleQuotes = '"\u201C\u201D\u201E\u00AB\u00BB\u2033';
const singleQuotes = "'\u2018\u2019\u201A";
const closersOf = (opener: string): string | null =>
  doubleQuotes.includes(opener) ? doubleQuotes : singleQuotes.includes(opener) ? singleQuotes : null;
const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

/** A word that begins with a double quote (typed or typographic) and has more after it. */
export const opensQuote = (word: string): boolean => word.length > 1 && doubleQuotes.includes(word[0]!);

/** The closing quote of a word opened at `start`: one followed by a space or the end of the line. */
function closingQuote(line: string, start: number, closers: string): number {
  for (let i = start + 1; i < line.length; i += 1) {
    if (closers.includes(line[i]!) && (i + 1 === line.length || isSpace(line[i + 1]))) return i;
  }
  return -1;
}

export function lineTokens(line: string): LineToken[] {
  const tokens: LineToken[] = [];
  let i = 0;
  while (i < line.length) {
    if (isSpace(line[i])) {
      i += 1;
      continue;
    }
    const closers = closersOf(line[i]!);
    const close = closers ? closingQuote(line, i, closers) : -1;
    if (close > i) {
      tokens.push({ text: line.slice(i + 1, close), start: i, end: close + 1, quoted: true });
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < line.length && !isSpace(line[end])) end += 1;
    tokens.push({ text: line.slice(i, end), start: i, end, quoted: false });
    i = end;
  }
  return tokens;
}

/**
 * A name, title or place as meant: typed in quotes to keep it together (`"Maakuntasali, 2. krs"`),
 * it loses them; anything else is kept exactly as typed.
 */
export function unquoted(text: string): string {
  const tokens = lineTokens(text.trim());
  return tokens.length === 1 && tokens[0]!.quoted ? tokens[0]!.text : text.trim();
}

/** A name in lower case with hyphens for its spaces (`Viestintä ja media` → `viestintä-ja-media`): file names, feed paths, channel names. */
export const nameSlug = (name: string): string => name.toLocaleLowerCase("fi").replace(/\s+/g, "-");

/** A name as it is typed in a command: quoted when it has spaces (`"Viestintä ja media"`). */
export const typedName = (name: string): string => (/\s/.test(name) ? `"${name}"` : name);
