import { distance } from "fastest-levenshtein";
import { parseArgsStringToArgv } from "string-argv";
import { refuse } from "../core/shared/refusal.ts";
import { commandName, type CommandDefinition } from "./define.ts";
import { argSpecs } from "./usage.ts";

export interface ParsedLine {
  readonly command: CommandDefinition;
  /** Raw values by argument name, still to be validated by the command's schema. */
  readonly raw: Record<string, unknown>;
  /** `--confirm` was given: the person already answered the command's question. */
  readonly confirmed: boolean;
}

// Phones turn " into typographic quotes; people should not have to fight their keyboard.
const typographicQuotes = /[\u201C\u201D\u201E\u00AB\u00BB\u2033]/g;
const rootPrefix = /^\s*\/?council\b/i;

export const tokenize = (line: string): string[] =>
  parseArgsStringToArgv(line.replace(typographicQuotes, '"').replace(rootPrefix, ""));

/** Finds the command a line names (the longest matching path) and splits its arguments. */
export function parseLine(commands: readonly CommandDefinition[], line: string): ParsedLine {
  const tokens = tokenize(line);
  const lowered = tokens.map((token) => token.toLowerCase());
  const command = [...commands]
    .sort((a, b) => b.path.length - a.path.length)
    .find((c) => c.path.every((word, i) => lowered[i] === word));
  if (!command) {
    refuse("command.unknown", { input: tokens.slice(0, 2).join(" ") || "—", suggestions: suggest(commands, lowered) });
  }
  return splitArguments(command, tokens.slice(command.path.length));
}

function splitArguments(command: CommandDefinition, tokens: readonly string[]): ParsedLine {
  const specs = argSpecs(command);
  const raw: Record<string, unknown> = {};
  const positional: string[] = [];
  let confirmed = false;
  for (const token of tokens) {
    const flagName = /^--([a-z][a-z-]*)$/.exec(token)?.[1];
    if (flagName === "confirm") confirmed = true;
    else if (flagName && specs.some((s) => s.flag && s.name === flagName)) raw[flagName] = true;
    else if (flagName) refuse("command.unknown-flag", { flag: token, command: commandName(command) });
    else positional.push(token);
  }
  const slots = specs.filter((s) => !s.flag);
  slots.forEach((slot, i) => {
    const isLast = i === slots.length - 1;
    const value = slot.rest && isLast ? positional.slice(i).join(" ") : positional[i];
    if (value !== undefined && value !== "") raw[slot.name] = value;
  });
  const lastTakesRest = slots.at(-1)?.rest === true;
  if (!lastTakesRest && positional.length > slots.length) {
    refuse("command.too-many-arguments", { extra: positional.slice(slots.length).join(" "), command: commandName(command) });
  }
  return { command, raw, confirmed };
}

/** Up to three commands closest to what was typed, as `/council …` lines. */
export function suggest(commands: readonly CommandDefinition[], lowered: readonly string[]): string {
  const scored = commands
    .filter((c) => !c.hidden)
    .map((c) => {
      const name = commandName(c);
      // Compare like with like: as many typed words as the command has.
      const score = distance(lowered.slice(0, c.path.length).join(" "), name);
      // Between equally close names, prefer those whose first word is closest ("grop" -> group).
      const topic = distance(lowered[0] ?? "", c.path[0] ?? "");
      return { name, score, topic };
    });
  return scored
    .sort((a, b) => a.score - b.score || a.topic - b.topic || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((s) => `/council ${s.name}`)
    .join(", ");
}
