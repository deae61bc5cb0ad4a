import { argMeta } from "../../src/commands/args.ts";
import { commandName } from "../../src/commands/define.ts";
import { parseLine } from "../../src/commands/parse-text.ts";
import { commands } from "../../src/commands/registry.ts";
import { argSpecs } from "../../src/commands/usage.ts";
import { channelId } from "./ids.ts";

/**
 * Slack's slash command text → a council command line.
 *  - `<#C123|name>` / `<#C123>` → the encoded channel id (so `group link-channel X #kanava` works);
 *  - `<@U123|name>` → `<@U123>`: the person reference the PersonDirectory resolves (the label may
 *    hold spaces, which would split the argument, and says nothing the id does not);
 *  - `<https://x|label>` / `<mailto:…>` → the bare URL;
 *  - `&amp;`, `&lt;`, `&gt;` back to characters.
 */
export function commandText(team: string, text: string): string {
  const rewritten = text
    .replace(/<#([CG][A-Z0-9]+)(?:\|[^>]*)?>/g, (_all, id: string) => channelId(team, id))
    .replace(/<@([UW][A-Z0-9]+)\|[^>]*>/g, "<@$1>")
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
  // A bare `/council` is a question: what can I do? The same as `/council help`.
  return rewritten === "" ? "help" : rewritten;
}

export const userMention = /^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$/;

/** A line missing a required long text (e.g. `news add Viestintä`): the command and the argument. */
export interface MissingLongText {
  readonly command: string;
  readonly arg: string;
}

/**
 * Whether the line names a command whose required "long-text" argument is missing, so a form
 * should ask for it. Generic: read off the command's argument kinds, no per-command code.
 * A line that does not parse is left to the dispatcher, which explains the problem.
 */
export function missingLongText(line: string): MissingLongText | null {
  try {
    const { command, raw } = parseLine(commands, line);
    const missing = argSpecs(command).find((spec) => !spec.optional && argMeta(spec.schema).kind === "long-text" && raw[spec.name] === undefined);
    return missing ? { command: commandName(command), arg: missing.name } : null;
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
