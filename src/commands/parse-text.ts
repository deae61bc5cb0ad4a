import { distance } from "fastest-levenshtein";
import { refuse } from "../core/shared/refusal.ts";
import { commandName, type CommandDefinition } from "./define.ts";
import { lineTokens, opensQuote, type LineToken } from "../core/shared/words.ts";
import { msg } from "../i18n/translate.ts";
import { argSpecs, exampleKey } from "./usage.ts";

/**
 * The front end for typed lines (Slack slash-command text, console input). Buttons, selects, forms
 * and Discord options never come through here: they carry their arguments already split.
 */
export interface ParsedLine {
  readonly command: CommandDefinition;
  /** Raw values by argument name, still to be validated by the command's schema. */
  readonly raw: Record<string, unknown>;
  /** `--confirm` was given: the person already answered the command's question. */
  readonly confirmed: boolean;
}

const rootPrefix = /^\s*\/?council(?=\s|$)/i;
const flagPattern = /^--([a-z][a-z-]*)$/;

export const withoutRoot = (line: string): string => line.replace(rootPrefix, "");

export const tokenize = (line: string): string[] => lineTokens(withoutRoot(line)).map((token) => token.text);

/** The command a line names: the longest path its first words spell, or none. */
export function commandOfWords(commands: readonly CommandDefinition[], words: readonly string[]): CommandDefinition | undefined {
  const lowered = words.map((word) => word.toLowerCase());
  return [...commands].sort((a, b) => b.path.length - a.path.length).find((c) => c.path.every((word, i) => lowered[i] === word));
}

/** Finds the command a line names (the longest matching path) and splits its arguments. */
export function parseLine(commands: readonly CommandDefinition[], typed: string): ParsedLine {
  const line = withoutRoot(typed);
  const tokens = lineTokens(line);
  const command = commandOfWords(commands, tokens.map((token) => token.text));
  if (!command) {
    const lowered = tokens.map((token) => token.text.toLowerCase());
    const topicHelp = lowered.length === 1 ? helpOnTopic(commands, lowered[0]!) : undefined;
    if (topicHelp) return topicHelp;
    refuse("command.unknown", { input: lowered.slice(0, 2).join(" ") || "—", suggestions: suggest(commands, lowered) });
  }
  return splitArguments(command, line, tokens.slice(command.path.length));
}

/**
 * A topic's name alone (`/council election`, as `/council help` lists them) asks what the topic
 * holds: its help, rather than "I don't know the command". Hidden commands' topics stay unknown.
 */
function helpOnTopic(commands: readonly CommandDefinition[], word: string): ParsedLine | undefined {
  const help = commandOfWords(commands, ["help"]);
  return help && inTopic(commands, word).length > 0 ? { command: help, raw: { topic: word }, confirmed: false } : undefined;
}

/** The commands help lists under a topic (`election` → `election create`, …); none for any other word. */
const inTopic = (commands: readonly CommandDefinition[], word: string | undefined) =>
  commands.filter((c) => !c.hidden && c.path.length > 1 && c.path[0] === word);

const flagOf = (token: LineToken): string | null => (token.quoted ? null : (flagPattern.exec(token.text)?.[1] ?? null));

/**
 * Positional words fill the arguments in order; `--flags` may come anywhere before a text that
 * takes the rest of the line, right before it too. That text is the line itself from its first
 * word to the end, exactly as typed (quotes, apostrophes and dashes kept), less any flags that end
 * the line: `--confirm` inside a sentence is part of the sentence. A rest text that is one quoted
 * word loses its quotes.
 */
function splitArguments(command: CommandDefinition, line: string, tokens: readonly LineToken[]): ParsedLine {
  const specs = argSpecs(command);
  const slots = specs.filter((s) => !s.flag && !s.named);
  const isFlagName = (name: string) => name === "confirm" || specs.some((s) => s.flag && s.name === name);
  const isNamed = (name: string) => specs.some((s) => s.named && s.name === name);
  const raw: Record<string, unknown> = {};
  let confirmed = false;
  const setFlag = (name: string) => {
    if (name === "confirm") confirmed = true;
    else raw[name] = true;
  };

  const positional: LineToken[] = [];
  let restFrom = -1;
  let valueOf: string | null = null;
  for (const [i, token] of tokens.entries()) {
    if (valueOf !== null) {
      raw[valueOf] = token.text;
      valueOf = null;
      continue;
    }
    const flag = flagOf(token);
    // The rest text begins at its first word that is no flag: `decide Viestintä 20.12.2026
    // --unanimous Hyväksytään …` is unanimous, as help writes it, and `--unanimus` is refused.
    const slot = slots[positional.length];
    if (slot?.rest && positional.length === slots.length - 1 && flag === null) {
      restFrom = i;
      break;
    }
    if (flag !== null && isNamed(flag)) valueOf = flag;
    else if (flag !== null && isFlagName(flag)) setFlag(flag);
    else if (flag !== null) refuse("command.unknown-flag", { flag: token.text, command: commandName(command) });
    else positional.push(token);
  }
  // `--page` with nothing after it: the schema says what it wanted.
  if (valueOf !== null) raw[valueOf] = "";
  // A name opened with a quote never closed would keep the quote: the person meant a name of
  // several words. (A text that takes the rest of the line is kept as typed, quotes and all.)
  const unclosed = (token: LineToken | undefined) => {
    if (token && !token.quoted && opensQuote(token.text)) refuse("command.unclosed-quote", { word: token.text, example: msg(exampleKey(command)) });
  };
  positional.forEach(unclosed);
  positional.forEach((token, i) => {
    const slot = slots[i];
    if (slot && token.text !== "") raw[slot.name] = token.text;
  });
  if (positional.length > slots.length) {
    refuse("command.too-many-arguments", { extra: positional.slice(slots.length).map((t) => t.text).join(" "), command: commandName(command) });
  }
  if (restFrom >= 0) {
    let last = tokens.length;
    while (last > restFrom) {
      const flag = flagOf(tokens[last - 1]!);
      if (flag === null || !isFlagName(flag)) break;
      setFlag(flag);
      last -= 1;
    }
    const words = tokens.slice(restFrom, last);
    const slot = slots[positional.length]!;
    if (slot.isName) unclosed(words[0]);
    const text = words.length === 1 && words[0]!.quoted ? words[0]!.text : line.slice(words[0]?.start ?? 0, words.at(-1)?.end ?? 0).trim();
    if (words.length > 0 && text !== "") raw[slot.name] = text;
  }
  return { command, raw, confirmed };
}

/** Up to three commands closest to what was typed, as `/council …` lines. */
export function suggest(commands: readonly CommandDefinition[], lowered: readonly string[]): string {
  // A topic typed right ("election open-voting") is where the person is: a one-word command
  // elsewhere ("decide") is no nearer for being short.
  const topic = inTopic(commands, lowered[0]);
  const scored = (topic.length > 0 ? topic : commands.filter((c) => !c.hidden))
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
