import type { CommandCall } from "../render/reply.ts";
import { argMeta } from "./args.ts";
import { commandName, type CommandDefinition } from "./define.ts";
import type { CommandInput } from "./dispatch.ts";
import { parseLine } from "./parse-text.ts";
import { commands as allCommands } from "./registry.ts";
import { argSpecs } from "./usage.ts";

/**
 * Long texts (an agenda item, a news item) are asked for in a form on chat platforms. These find
 * when a command still lacks one, and fill the typed text in as the argument itself, exactly as
 * typed; every platform adapter uses them, so the rule lives here once.
 */

/** A form to show: the call so far, and the argument the typed text becomes. */
export interface FormRequest {
  readonly call: CommandCall;
  readonly arg: string;
}

/**
 * The first required long-text argument a command is missing, or null. Only when nothing else
 * required is missing: `agenda add` without its group is explained with the usage, rather than
 * asked for a text that would then be refused for want of the group.
 */
export function missingLongTextArg(command: CommandDefinition, raw: Record<string, unknown>): string | null {
  const specs = argSpecs(command);
  const isLongText = (spec: (typeof specs)[number]) => argMeta(spec.schema).kind === "long-text";
  const missing = specs.find((spec) => !spec.optional && isLongText(spec) && raw[spec.name] === undefined);
  const othersMissing = specs.some((spec) => !spec.optional && !spec.flag && !isLongText(spec) && raw[spec.name] === undefined);
  return missing && !othersMissing ? missing.name : null;
}

/**
 * The form a command needs before it can run, or null. A line that does not parse is left to the
 * dispatcher, which explains the problem.
 */
export function formNeeded(input: CommandInput, commands: readonly CommandDefinition[] = allCommands): FormRequest | null {
  let command: CommandDefinition | undefined;
  let call: CommandCall;
  if ("line" in input) {
    try {
      const parsed = parseLine(commands, input.line);
      command = parsed.command;
      const args = Object.fromEntries(Object.entries(parsed.raw).filter((entry): entry is [string, string | boolean] => typeof entry[1] === "string" || entry[1] === true));
      call = { command: commandName(command), args, ...(parsed.confirmed ? { confirmed: true } : {}) };
    } catch {
      return null;
    }
  } else {
    command = commands.find((c) => commandName(c) === input.command);
    call = input;
  }
  const arg = command ? missingLongTextArg(command, call.args) : null;
  return arg ? { call, arg } : null;
}

/** The call a submitted form runs: what was typed becomes the argument, byte for byte. */
export const filledIn = (form: FormRequest, typed: string): CommandCall => ({ ...form.call, args: { ...form.call.args, [form.arg]: typed } });
