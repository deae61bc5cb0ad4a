import { argMeta } from "./args.ts";
import { commandName, type CommandDefinition } from "./define.ts";
import { parseLine } from "./parse-text.ts";
import { commands as allCommands } from "./registry.ts";
import { argSpecs } from "./usage.ts";

/**
 * Long texts (an agenda item, a news item) are asked for in a form on chat platforms. These find
 * when a command still lacks one, and put the typed text back into the command line; every
 * platform adapter uses them, so the rule lives here once.
 */

/** The first required long-text argument a command is missing, or null. */
export function missingLongTextArg(command: CommandDefinition, raw: Record<string, unknown>): string | null {
  const missing = argSpecs(command).find((spec) => !spec.optional && argMeta(spec.schema).kind === "long-text" && raw[spec.name] === undefined);
  return missing?.name ?? null;
}

/**
 * Whether a typed line lacks a required long text: its command and the argument when so. A line
 * that does not parse is left to the dispatcher, which explains the problem.
 */
export function lineMissingLongText(line: string, commands: readonly CommandDefinition[] = allCommands): { command: string; arg: string } | null {
  try {
    const { command, raw } = parseLine(commands, line);
    const arg = missingLongTextArg(command, raw);
    return arg ? { command: commandName(command), arg } : null;
  } catch {
    return null;
  }
}

/**
 * The line with a typed text appended as one quoted argument. The tokenizer has no escapes, so the
 * quote is whichever the text does not contain; with both, double quotes become single ones (as
 * `commandLine` does).
 */
export function appendText(line: string, text: string): string {
  const value = text.trim();
  if (!value.includes('"')) return `${line} "${value}"`;
  if (!value.includes("'")) return `${line} '${value}'`;
  return `${line} "${value.replace(/"/g, "'")}"`;
}
