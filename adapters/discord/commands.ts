import { createHash } from "node:crypto";
import { z } from "zod";
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import { argMeta } from "../../src/commands/args.ts";
import type { CommandDefinition } from "../../src/commands/define.ts";
import { argSpecs, summaryKey, type ArgSpec } from "../../src/commands/usage.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { coreText, isDiscordKey, say } from "./say.ts";

/** The main root command; areas that do not fit in it get a root of their own (`buildRegistration`). */
export const rootName = "council";

/**
 * Discord's limits on one chat-input command (https://discord.com/developers/docs/interactions/application-commands):
 * 25 subcommand groups + subcommands at the top, 25 subcommands per group, 25 options per subcommand,
 * 25 choices, names 1–32 lower-case characters, descriptions 1–100 characters, string options ≤ 6000,
 * 8000 characters for the whole command (names, descriptions and choice values of every option;
 * of localized fields only the longest counts) — see `commandSize` —, and 100 chat-input commands.
 * The top-level and size limits of `/council` are met by giving later areas roots of their own;
 * anything else is NOT handled by dropping commands: `buildRegistration` throws
 * `RegistrationLimitError`, so a grammar that outgrew Discord fails at registration, loudly.
 */
export const limits = { top: 25, subcommands: 25, options: 25, choices: 25, description: 100, name: 32, stringLength: 6000, commandSize: 8000, chatInputCommands: 100 } as const;

export class RegistrationLimitError extends Error {
  constructor(message: string) {
    super(`Discord command registration: ${message}`);
    this.name = "RegistrationLimitError";
  }
}

/** Discord's locales for our catalogues: Finnish is the default text, English and Swedish localize it. */
const discordLocales: readonly (readonly [string, Locale])[] = [
  ["en-GB", "en"],
  ["en-US", "en"],
  ["sv-SE", "sv"],
];

/** How a registered option maps back to the command's argument. */
export interface OptionRoute {
  readonly option: string;
  readonly arg: string;
  readonly kind: "person" | "channel" | "group" | "enum" | "other";
  /** Enum values offered by autocomplete when there are more than 25. */
  readonly values?: readonly string[];
}

export interface SubcommandRoute {
  readonly path: readonly string[];
  readonly options: readonly OptionRoute[];
}

export interface Registration {
  /** The chat-input commands: `/council` first, then a root for each area that did not fit in it. */
  readonly payloads: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
  /** `group/sub` or `/sub` → the command path and its option names (see `routeKeyOf`). */
  readonly routes: ReadonlyMap<string, SubcommandRoute>;
  /** The areas registered as root commands of their own (`election` → `/election vote`). */
  readonly ownRoots: readonly string[];
  /** A hash of the payloads: registration is only repeated when they change. */
  readonly hash: string;
}

export const routeKey = (group: string | null, sub: string): string => `${group ?? ""}/${sub}`;

/** The message context-menu command "Add to newsletter": the message becomes a news item. */
export const newsletterCommandName = "Add to newsletter";

export function newsletterCommand(): RESTPostAPIContextMenuApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.Message,
    name: newsletterCommandName,
    name_localizations: Object.fromEntries(discordLocales.map(([tag, locale]) => [tag, say(locale, "discord.newsletter.name")])),
    contexts: [InteractionContextType.Guild],
  };
}

/** A command that is both a word of its own and the first word of others (`profile`, `profile set`) becomes this subcommand. */
const selfSubcommand = "show";

const truncate = (value: string, max: number): string => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/**
 * A summary's first clause ("shows the rules; with a rule …" → "shows the rules"). Discord counts
 * every description against one 8000-character budget for all of `/council`, and its picker shows a
 * line anyway; `help` keeps the whole summary.
 */
const brief = (summary: string): string => summary.split(/;|\s\(/)[0]!.trim() || summary;

function described(
  key: string,
  fallback: string,
  from: "core" | "discord" | "core-brief" = "core",
): { description: string; description_localizations: Record<string, string> } {
  const text = (locale: Locale): string => {
    const found = from === "discord" ? (isDiscordKey(key) ? say(locale, key) : null) : coreText(locale, key);
    const shown = found !== null && from === "core-brief" ? brief(found) : found;
    return truncate((shown ?? fallback).trim() || fallback, limits.description);
  };
  return {
    description: text("fi"),
    description_localizations: Object.fromEntries(discordLocales.map(([tag, locale]) => [tag, text(locale)])),
  };
}

/** `newsGroup` → `news-group`: Discord option names are lower case. */
export function optionName(arg: string): string {
  const name = arg.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  if (!/^[-_a-z0-9]{1,32}$/.test(name)) throw new RegistrationLimitError(`argument name "${arg}" cannot be a Discord option name`);
  return name;
}

const unwrap = (schema: z.ZodType): z.ZodType => {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodPipe) {
    // A pipe (a role typed in Finnish or Swedish, read as its id) offers what it ends in.
    inner = (inner instanceof z.ZodPipe ? inner.out : inner.unwrap()) as z.ZodType;
  }
  return inner;
};

function buildOption(spec: ArgSpec, label: string): { option: APIApplicationCommandBasicOption; route: OptionRoute } {
  const name = optionName(spec.name);
  const kind = argMeta(spec.schema).kind;
  const inner = unwrap(spec.schema);
  // A missing long text is asked for in a form, so Discord must not insist on it.
  const required = !spec.optional && kind !== "long-text";
  const base = { name, ...described(`arg.${spec.name}`, label), required };
  const route = (k: OptionRoute["kind"], values?: readonly string[]): OptionRoute => ({ option: name, arg: spec.name, kind: k, ...(values ? { values } : {}) });

  if (spec.flag || inner instanceof z.ZodBoolean) return { option: { ...base, type: ApplicationCommandOptionType.Boolean }, route: route("other") };
  if (kind === "person") return { option: { ...base, type: ApplicationCommandOptionType.User }, route: route("person") };
  if (kind === "channel") {
    return {
      option: { ...base, type: ApplicationCommandOptionType.Channel, channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] },
      route: route("channel"),
    };
  }
  if (inner instanceof z.ZodEnum) {
    const values = (inner.options as readonly (string | number)[]).map(String);
    // More than 25 values cannot be choices; autocomplete offers them instead (nothing is dropped),
    // as it does for an argument that asks for it (ArgMeta.picker) to spare the size budget.
    if (values.length > limits.choices || argMeta(spec.schema).picker === "autocomplete") return { option: { ...base, type: ApplicationCommandOptionType.String, autocomplete: true }, route: route("enum", values) };
    return { option: { ...base, type: ApplicationCommandOptionType.String, choices: values.map((v) => ({ name: v, value: v })) }, route: route("enum") };
  }
  if (inner instanceof z.ZodNumber) {
    const isInt = inner.format === "safeint" || inner.format === "int32";
    const bounds = {
      ...(Number.isFinite(inner.minValue) ? { min_value: inner.minValue as number } : {}),
      ...(Number.isFinite(inner.maxValue) ? { max_value: inner.maxValue as number } : {}),
    };
    const option: APIApplicationCommandBasicOption = isInt
      ? { ...base, ...bounds, type: ApplicationCommandOptionType.Integer }
      : { ...base, ...bounds, type: ApplicationCommandOptionType.Number };
    return { option, route: route("other") };
  }
  const lengths =
    inner instanceof z.ZodString
      ? {
          ...(inner.minLength !== null && inner.minLength > 0 ? { min_length: Math.min(inner.minLength, limits.stringLength) } : {}),
          max_length: Math.min(inner.maxLength ?? limits.stringLength, limits.stringLength),
        }
      : {};
  if (kind === "group") return { option: { ...base, ...lengths, type: ApplicationCommandOptionType.String, autocomplete: true }, route: route("group") };
  return { option: { ...base, ...lengths, type: ApplicationCommandOptionType.String }, route: route("other") };
}

function subcommand(command: CommandDefinition, name: string, summaryFallbackKey?: string): { option: APIApplicationCommandSubcommandOption; route: SubcommandRoute } {
  const specs = argSpecs(command);
  if (specs.length > limits.options) {
    throw new RegistrationLimitError(`"${command.path.join(" ")}" has ${specs.length} arguments; Discord allows ${limits.options} options`);
  }
  const built = specs.map((spec) => buildOption(spec, spec.name));
  // Discord wants required options before optional ones; arguments are matched by name, so order is free.
  const ordered = [...built.filter((b) => b.option.required), ...built.filter((b) => !b.option.required)];
  const summary = summaryFallbackKey && !coreText("fi", summaryKey(command)) ? described(summaryFallbackKey, name, "discord") : described(summaryKey(command), command.path.join(" "), "core-brief");
  return {
    option: { type: ApplicationCommandOptionType.Subcommand, name: checkName(name), ...summary, options: ordered.map((b) => b.option) },
    route: { path: command.path, options: built.map((b) => b.route) },
  };
}

function checkName(name: string): string {
  if (!/^[-_a-z0-9]{1,32}$/.test(name)) throw new RegistrationLimitError(`"${name}" cannot be a Discord command name`);
  return name;
}

/** One area as it sits under `/council`: a subcommand group, or a plain subcommand for a one-word area. */
function areaOption(area: string, members: readonly CommandDefinition[], routes: Map<string, SubcommandRoute>): APIApplicationCommandOption {
  const single = members.find((c) => c.path.length === 1);
  const nested = members.filter((c) => c.path.length === 2);
  if (nested.length === 0 && single) {
    const built = subcommand(single, area);
    routes.set(routeKey(null, area), built.route);
    return built.option;
  }
  const subs: APIApplicationCommandSubcommandOption[] = [];
  if (single) {
    if (nested.some((c) => c.path[1] === selfSubcommand)) {
      throw new RegistrationLimitError(`"${area}" and "${area} ${selfSubcommand}" both exist; "${area}" has no subcommand name left`);
    }
    const built = subcommand(single, selfSubcommand, `discord.${area}.${selfSubcommand}`);
    subs.push(built.option);
    routes.set(routeKey(area, selfSubcommand), built.route);
  }
  for (const command of nested) {
    const built = subcommand(command, command.path[1]!);
    subs.push(built.option);
    routes.set(routeKey(area, command.path[1]!), built.route);
  }
  if (subs.length > limits.subcommands) {
    throw new RegistrationLimitError(`"${area}" has ${subs.length} subcommands; Discord allows ${limits.subcommands} in a group`);
  }
  const group: APIApplicationCommandSubcommandGroupOption = {
    type: ApplicationCommandOptionType.SubcommandGroup,
    name: checkName(area),
    ...(isDiscordKey(`discord.area.${area}`)
      ? described(`discord.area.${area}`, area, "discord")
      : {
          description: truncate(say("fi", "discord.area.description", { area }), limits.description),
          description_localizations: Object.fromEntries(
            discordLocales.map(([tag, locale]) => [tag, truncate(say(locale, "discord.area.description", { area }), limits.description)]),
          ),
        }),
    options: subs,
  };
  return group;
}

type ChatInputCommand = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** A chat-input command as registered. Guild channels only: the council is a server; its people are members of that server. */
const chatInput = (name: string, text: Pick<ChatInputCommand, "description" | "description_localizations">, options: APIApplicationCommandOption[]): ChatInputCommand => ({
  type: ApplicationCommandType.ChatInput,
  name,
  ...text,
  contexts: [InteractionContextType.Guild],
  options,
});

/**
 * An area that did not fit under `/council` as a root of its own named after it: its group's
 * subcommands become the root's (`/election vote`), a one-word area's options the root's (`/help`).
 */
function ownRoot(entry: APIApplicationCommandOption): ChatInputCommand {
  const { name, description, description_localizations } = entry;
  const options = "options" in entry ? ((entry.options ?? []) as APIApplicationCommandOption[]) : [];
  return chatInput(name, { description, description_localizations }, options);
}

/**
 * The chat-input commands from the same definitions the text grammar uses: the first word of a path
 * is a subcommand group, the second its subcommand; one-word commands are plain subcommands. A word
 * that is both (`profile` and `profile set`) gets its own command as the group's `show` subcommand.
 * Hidden commands (only buttons run them) are not registered.
 *
 * `/council` takes the areas in registry order while they fit Discord's limits on one command
 * (8000 characters, 25 entries); from the first that does not, each area is a root command of its
 * own (`/election vote`). Route keys stay `area/sub` either way. Stopping at the first misfit
 * (rather than packing later, smaller areas in) keeps the split easy to state and stable: a longer
 * summary moves the last areas out, never shuffles the middle.
 */
export function buildRegistration(commands: readonly CommandDefinition[]): Registration {
  const visible = commands.filter((c) => !c.hidden);
  const byArea = new Map<string, CommandDefinition[]>();
  for (const command of visible) {
    if (command.path.length < 1 || command.path.length > 2) {
      throw new RegistrationLimitError(`"${command.path.join(" ")}" has ${command.path.length} words; Discord nests at most two under a command`);
    }
    const area = command.path[0]!;
    byArea.set(area, [...(byArea.get(area) ?? []), command]);
  }
  const routes = new Map<string, SubcommandRoute>();
  const council = chatInput(rootName, described("discord.command.description", rootName, "discord"), []);
  const inCouncil: APIApplicationCommandOption[] = [];
  const own: ChatInputCommand[] = [];
  let size = commandSize(council);
  for (const [area, members] of byArea) {
    const entry = areaOption(area, members, routes);
    const fits = own.length === 0 && inCouncil.length < limits.top && size + commandSize(entry) <= limits.commandSize;
    if (fits) {
      inCouncil.push(entry);
      size += commandSize(entry);
    } else {
      if (area === rootName) throw new RegistrationLimitError(`the area "${area}" cannot have a root of its own: /${rootName} is the main command`);
      own.push(ownRoot(entry));
    }
  }
  const payloads = [{ ...council, options: inCouncil }, ...own];
  for (const payload of payloads) {
    const rootSize = commandSize(payload);
    if (rootSize > limits.commandSize) {
      throw new RegistrationLimitError(`/${payload.name} is ${rootSize} characters; Discord allows ${limits.commandSize} per command (shorten its summaries)`);
    }
  }
  if (payloads.length > limits.chatInputCommands) {
    throw new RegistrationLimitError(`${payloads.length} chat-input commands; Discord allows ${limits.chatInputCommands} per application`);
  }
  const hash = createHash("sha256").update(JSON.stringify(payloads)).digest("hex");
  return { payloads, routes, ownRoots: own.map((p) => p.name), hash };
}

/**
 * The route key of an interaction: `/council election vote` and `/election vote` are both
 * `election/vote`; a one-word area's own root (`/help`, no subcommand) is `/help`. Null when Discord
 * sent no subcommand where one belongs.
 */
export function routeKeyOf(commandName: string, group: string | null, sub: string | null): string | null {
  if (commandName !== rootName) return sub ? routeKey(commandName, sub) : routeKey(null, commandName);
  return sub ? routeKey(group, sub) : null;
}

/**
 * What a Discord user types for a command the core writes as `/council election vote`: the same
 * text with `/council ` dropped before an area that has a root of its own (`/election vote`).
 */
export function commandText(ownRoots: readonly string[]): (text: string) => string {
  if (ownRoots.length === 0) return (text) => text;
  // Area names are checked to be [-_a-z0-9], so they need no escaping.
  const mention = new RegExp(`/${rootName} (${ownRoots.join("|")})(?![-\\w])`, "g");
  return (text) => text.replace(mention, "/$1");
}

interface Sized {
  readonly name?: string;
  readonly name_localizations?: Record<string, string | null> | null;
  readonly description?: string;
  readonly description_localizations?: Record<string, string | null> | null;
  readonly value?: unknown;
  readonly choices?: readonly Sized[];
  readonly options?: readonly Sized[];
}

/** Discord's size of a command: names, descriptions and values, counting the longest localization of each. */
export function commandSize(node: Sized): number {
  const longest = (base: string | undefined, localized: Record<string, string | null> | null | undefined) =>
    Math.max((base ?? "").length, ...Object.values(localized ?? {}).map((v) => (v ?? "").length));
  return (
    longest(node.name, node.name_localizations) +
    longest(node.description, node.description_localizations) +
    (node.value === undefined ? 0 : String(node.value).length) +
    (node.choices ?? []).reduce((n, c) => n + commandSize(c), 0) +
    (node.options ?? []).reduce((n, o) => n + commandSize(o), 0)
  );
}
