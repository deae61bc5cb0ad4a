import type { ChatInputSpec, Json, OptionInput } from "../harness/discord/index.ts";

/** An option of a registered command as Discord received it (`PUT .../commands`). */
interface RegisteredOption {
  readonly type: number;
  readonly name: string;
  readonly options?: readonly RegisteredOption[];
}

const Subcommand = 1;
const SubcommandGroup = 2;
const OptionTypes = { string: 3, integer: 4, boolean: 5, user: 6, channel: 7, number: 10 } as const;

/** A typed line's words; `"…"` or `'…'` keeps spaces inside one word. */
export function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

/** How the person's `@name` and `#name` words become Discord ids (user and channel options). */
export interface Mentions {
  user?(word: string): string | undefined;
  channel?(word: string): string | undefined;
}

/**
 * A `/council …` line as a person fills it into Discord's command picker, against the commands the
 * bot registered: the first word picks the subcommand group (or subcommand), the next the
 * subcommand, and the rest fill the options in the order Discord lists them; the last text option
 * takes what is left of the line, and `--name` sets the boolean option `name`. An area registered
 * as a root of its own is typed there, as the bot's help tells a Discord user: `/council election
 * vote …` (the core's wording) and `/election vote …` both become `/election vote …`.
 */
export function typedChatInput(registered: readonly Json[], line: string, mentions: Mentions = {}): ChatInputSpec {
  const chatInputs = registered.filter((c) => (c.type ?? 1) === 1) as (Json & RegisteredOption)[];
  const [first, ...rest] = words(line.replace(/^\s*\/?council\b/i, "").replace(/^\s*\//, ""));
  const council = chatInputs.find((c) => c.name === "council");
  if (!council || !first) throw new Error(`cannot type "${line}": no /council command registered`);
  const inCouncil = council.options?.find((o) => o.name === first);
  const ownRoot = chatInputs.find((c) => c.name === first && c.name !== "council");
  const root = inCouncil ? council : ownRoot;
  if (!root) throw new Error(`neither /council nor a root of its own has "${first}"`);
  const top: RegisteredOption = inCouncil ?? root;
  let group: string | undefined;
  let subcommand: RegisteredOption = top;
  let args = rest;
  // An own root holds its area's subcommands directly (or, for a one-word area, the options).
  const hasSubcommands = inCouncil ? top.type === SubcommandGroup : (top.options ?? []).some((o) => o.type === Subcommand);
  if (hasSubcommands) {
    const found = top.options?.find((o) => o.type === Subcommand && o.name === rest[0]);
    if (!found) throw new Error(`/${root.name}${inCouncil ? ` ${first}` : ""} has no subcommand "${rest[0] ?? ""}"`);
    if (inCouncil) group = top.name;
    subcommand = found;
    args = rest.slice(1);
  }

  const options: Record<string, OptionInput> = {};
  const slots = (subcommand.options ?? []).filter((o) => o.type !== OptionTypes.boolean);
  const positional: string[] = [];
  for (const word of args) {
    const flag = /^--([a-z][-a-z0-9]*)$/.exec(word)?.[1];
    const boolean = flag ? subcommand.options?.find((o) => o.type === OptionTypes.boolean && o.name === flag) : undefined;
    if (boolean) options[boolean.name] = true;
    else positional.push(word);
  }
  slots.forEach((slot, i) => {
    const lastText = i === slots.length - 1 && slot.type === OptionTypes.string;
    const word = lastText ? positional.slice(i).join(" ") : positional[i];
    if (word === undefined || word === "") return;
    options[slot.name] = value(slot, word, mentions);
  });
  if (positional.length > slots.length && slots.at(-1)?.type !== OptionTypes.string) {
    throw new Error(`"${line}" has more words than its Discord command has options`);
  }
  // A one-word area's own root has no subcommand: its options are the root's.
  return { name: root.name, ...(group ? { group } : {}), ...(subcommand === root ? {} : { subcommand: subcommand.name }), options };
}

function value(slot: RegisteredOption, word: string, mentions: Mentions): OptionInput {
  switch (slot.type) {
    case OptionTypes.integer:
    case OptionTypes.number:
      return Number(word);
    case OptionTypes.boolean:
      return word === "true";
    case OptionTypes.user: {
      const id = mentions.user?.(word);
      if (!id) throw new Error(`no Discord user for "${word}"`);
      return { type: "user", id };
    }
    case OptionTypes.channel: {
      const id = mentions.channel?.(word);
      if (!id) throw new Error(`no Discord channel for "${word}"`);
      return { type: "channel", id };
    }
    default:
      return word;
  }
}
