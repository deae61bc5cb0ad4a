/**
 * Where a typed line's title ends and its text begins (`Otsikko -- teksti`): at the first `--`
 * standing alone, or, in a line without one, at the first `—` standing alone, since a phone's
 * smart punctuation makes the two typed dashes one long dash (iOS does by default). Null: neither.
 */
export function splitAtDashes(line: string): { readonly head: string; readonly rest: string } | null {
  for (const separator of [/(?:^|\s)--(?:\s|$)/, /(?:^|\s)\u2014(?:\s|$)/]) {
    const found = separator.exec(line);
    if (found) return { head: line.slice(0, found.index).trim(), rest: line.slice(found.index + found[0].length).trim() };
  }
  return null;
}
