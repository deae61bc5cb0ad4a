/**
 * The small part of ICU MessageFormat the catalogues use:
 * - `{name}`: a parameter;
 * - `{name, plural, =0 {…} one {…} other {…}}`: the branch for the number's plural category in the
 *   reader's language (Intl.PluralRules), an exact `=n` first; `#` in a branch is the number.
 * Branches may hold parameters of their own. Anything else in braces is kept as written.
 */
export type Part = string | { readonly param: string } | PluralPart | { readonly hash: true };
export interface PluralPart {
  readonly param: string;
  readonly branches: ReadonlyMap<string, readonly Part[]>;
  /** The placeholder as written, shown when its number is missing. */
  readonly source: string;
}

const parsed = new Map<string, readonly Part[]>();

/** The template's parts; parsed once per template. */
export function parseMessage(template: string): readonly Part[] {
  let parts = parsed.get(template);
  if (!parts) {
    parts = new Parser(template).parts(false);
    parsed.set(template, parts);
  }
  return parts;
}

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  /** Parts up to the end, or (inside a branch) up to the brace that closes it. */
  parts(inBranch: boolean): Part[] {
    const out: Part[] = [];
    let literal = "";
    while (this.at < this.text.length) {
      const char = this.text[this.at]!;
      if (inBranch && char === "}") break;
      if (inBranch && char === "#") {
        if (literal) out.push(literal);
        literal = "";
        out.push({ hash: true });
        this.at++;
        continue;
      }
      if (char === "{") {
        const start = this.at;
        const part = this.placeholder();
        if (part) {
          if (literal) out.push(literal);
          literal = "";
          out.push(part);
          continue;
        }
        this.at = start + 1;
        literal += char;
        continue;
      }
      literal += char;
      this.at++;
    }
    if (literal) out.push(literal);
    return out;
  }

  // `{name}` or `{name, plural, …}`; null (and nothing consumed that matters) when it is neither.
  private placeholder(): Part | null {
    const start = this.at;
    const simple = /^\{(\w+)\}/.exec(this.text.slice(start));
    if (simple) {
      this.at = start + simple[0].length;
      return { param: simple[1]! };
    }
    const head = /^\{(\w+),\s*plural,\s*/.exec(this.text.slice(start));
    if (!head) return null;
    this.at = start + head[0].length;
    const branches = new Map<string, readonly Part[]>();
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === "}") break;
      const selector = /^(=\d+|[a-z]+)\s*\{/.exec(this.text.slice(this.at));
      if (!selector) return null;
      this.at += selector[0].length;
      const branch = this.parts(true);
      if (this.text[this.at] !== "}") return null;
      this.at++;
      branches.set(selector[1]!, branch);
    }
    this.at++;
    if (!branches.has("other")) return null;
    return { param: head[1]!, branches, source: this.text.slice(start, this.at) };
  }

  private skipSpace() {
    while (/\s/.test(this.text[this.at] ?? "")) this.at++;
  }
}

const rules = new Map<string, Intl.PluralRules>();
const pluralRules = (localeTag: string) => {
  let r = rules.get(localeTag);
  if (!r) {
    r = new Intl.PluralRules(localeTag);
    rules.set(localeTag, r);
  }
  return r;
};

/** A parameter's number for a plural: a number, or text that is one ("3"); otherwise none. */
export const countOf = (value: unknown): number | undefined => {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};

/**
 * Fills a template. `param` gives a parameter's text (undefined when the caller did not give it:
 * the placeholder stays visible), `count` its number for a plural.
 */
export function formatMessage(
  localeTag: string,
  template: string,
  param: (name: string) => string | undefined,
  count: (name: string) => number | undefined,
): string {
  const fill = (parts: readonly Part[], n?: number): string =>
    parts
      .map((part) => {
        if (typeof part === "string") return part;
        if ("hash" in part) return n === undefined ? "#" : String(n);
        if ("branches" in part) {
          const value = count(part.param);
          if (value === undefined) return part.source;
          const branch = part.branches.get(`=${value}`) ?? part.branches.get(pluralRules(localeTag).select(value)) ?? part.branches.get("other")!;
          return fill(branch, value);
        }
        return param(part.param) ?? `{${part.param}}`;
      })
      .join("");
  return fill(parseMessage(template));
}
