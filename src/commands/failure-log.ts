import { loggedError } from "../core/shared/logged-error.ts";
import { commandName, type CommandDefinition } from "./define.ts";
import { commandOfWords, tokenize } from "./parse-text.ts";

/**
 * The command a line names, found without parsing its arguments (which may be what failed): the
 * longest matching path, or none. Only a definition's own path ever reaches a log, never the
 * words typed.
 */
export const commandNamed = (commands: readonly CommandDefinition[], line: string): CommandDefinition | undefined =>
  commandOfWords(commands, tokenize(line));

/**
 * What a failed command puts in the log next to its reference: its path, the arguments its
 * definition opts into, and the error. Never who ran it, never the other arguments: a ballot's
 * voter and its choices must never meet in a log line. A secret command's error message is left
 * out too, since a database or SDK message may quote what was being written.
 */
export function failureFields(command: CommandDefinition | undefined, raw: Record<string, unknown>, error: unknown): object {
  const secret = command === undefined || command.log === "secret";
  const optedIn = command && command.log !== undefined && command.log !== "secret" ? command.log.args : [];
  const args = Object.fromEntries(optedIn.filter((name) => raw[name] !== undefined).map((name) => [name, String(raw[name])]));
  const scrub = Object.entries(raw)
    .filter(([name]) => !optedIn.includes(name))
    .map(([, value]) => String(value));
  return {
    command: command ? commandName(command) : "unknown",
    ...(Object.keys(args).length > 0 ? { args } : {}),
    err: loggedError(error, { message: !secret, scrub }),
  };
}
