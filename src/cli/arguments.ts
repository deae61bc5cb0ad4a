// The command-line tools' arguments (the tally, verify), read with Node's own util.parseArgs: no
// package for each run to load, and the help and every refusal in the user's language from the
// catalogues (commander's were English, and it loaded child_process and streams at each start).
import { parseArgs } from "node:util";

/** One option, its help line already in the user's language. */
export interface CliOption {
  readonly name: string;
  /** The value's placeholder in the help, "<n>"; an option without one is a switch. */
  readonly value?: string;
  /** May be given many times: every value is kept, in order. */
  readonly multiple?: boolean;
  readonly help: string;
}

export type ArgumentProblem =
  | { readonly kind: "unknown-option"; readonly option: string }
  | { readonly kind: "missing-value"; readonly option: string }
  | { readonly kind: "missing-file" };

export type OptionValues = Readonly<Record<string, string | true | readonly string[] | undefined>>;

export type ReadArguments =
  | { readonly kind: "help" }
  | { readonly kind: "problem"; readonly problem: ArgumentProblem }
  | { readonly kind: "read"; readonly files: readonly [string, ...string[]]; readonly values: OptionValues };

/** The files (one at least) and the options around them; `--help` or `-h` anywhere asks for the help instead. */
export function readArguments(argv: readonly string[], options: readonly CliOption[]): ReadArguments {
  const byName = new Map(options.map((option) => [option.name, option]));
  const config = Object.fromEntries(options.map((option) => [option.name, { type: option.value ? ("string" as const) : ("boolean" as const) }]));
  // Not strict: an unknown option comes back as a token, to be refused here in the user's words.
  const { tokens } = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: false, tokens: true });
  if (tokens.some((token) => token.kind === "option" && (token.name === "help" || token.name === "h"))) return { kind: "help" };
  const files: string[] = [];
  const values: Record<string, string | true> = {};
  const repeated: Record<string, string[]> = {};
  for (const token of tokens) {
    if (token.kind === "positional") files.push(token.value);
    if (token.kind !== "option") continue;
    const option = byName.get(token.name);
    if (!option || (!option.value && token.value !== undefined)) {
      return problem({ kind: "unknown-option", option: token.inlineValue ? `${token.rawName}=${token.value}` : token.rawName });
    }
    if (!option.value) {
      values[option.name] = true;
      continue;
    }
    // `--seats --json`: parseArgs would take the next option for the value.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("--"))) return problem({ kind: "missing-value", option: token.rawName });
    if (option.multiple) (repeated[option.name] ??= []).push(token.value);
    else values[option.name] = token.value;
  }
  const [first, ...more] = files;
  if (first === undefined) return problem({ kind: "missing-file" });
  return { kind: "read", files: [first, ...more], values: { ...values, ...repeated } };
}

const problem = (found: ArgumentProblem): ReadArguments => ({ kind: "problem", problem: found });

/** The parameters of a problem's message: `{value}`, the option as the user wrote it. */
export const problemParams = (found: ArgumentProblem): Record<string, string> => ("option" in found ? { value: found.option } : {});

/** The help a tool prints: usage, what it does, the file and every option, and an example. */
export interface HelpWords {
  readonly usage: string;
  readonly description: string;
  readonly file: string;
  readonly help: string;
  readonly example: string;
}

export function helpText(words: HelpWords, options: readonly CliOption[]): string {
  const rows: [string, string][] = [
    ["<file>", words.file],
    ...options.map((option): [string, string] => [`--${option.name}${option.value ? ` ${option.value}` : ""}`, option.help]),
    ["-h, --help", words.help],
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  return [words.usage, "", words.description, "", ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`), "", words.example, ""].join("\n");
}
