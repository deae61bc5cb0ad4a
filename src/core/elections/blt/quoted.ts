/**
 * The text of a quoted BLT line: between the first and the last double quote. Some published files
 * quote an already quoted title (`""Ward 8 - Bathgate""`, even `""""Ward 04 - Arran""""`); such
 * wrapping quotes are removed as well, so the title reads the same as in other files.
 */
export function unquote(line: string): string | undefined {
  const trimmed = line.trim();
  if (trimmed.length < 2 || !trimmed.startsWith('"') || !trimmed.endsWith('"')) return undefined;
  let text = trimmed.slice(1, -1);
  while (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  return text;
}

/** Whether unquote(quote(text)) gives text back: no line break, not itself wrapped in quotes. */
export const isQuotable = (text: string): boolean =>
  !/[\r\n]/.test(text) && !(text.length >= 2 && text.startsWith('"') && text.endsWith('"'));

export const quote = (text: string): string => `"${text}"`;
