import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
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
  type RESTPutAPIApplicationCommandsJSONBody,
} from "discord.js";
import { argMeta } from "../../src/commands/args.ts";
import type { CommandDefinition } from "../../src/commands/define.ts";
import { argSpecs, summaryKey, type ArgSpec } from "../../src/commands/usage.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { coreText, isDiscordKey, say } from "./say.ts";

/** The one root command; everything else is its subcommand groups and subcommands. */
export const rootName = "council";

/**
 * Discord's limits on one chat-input command (https://discord.com/developers/docs/interactions/application-commands):
 * 25 subcommand groups + subcommands at the top, 25 subcommands per group, 25 options per subcommand,
 * 25 choices, names 1–32 lower-case characters, descriptions 1–100 characters, string options ≤ 6000,
 * and 8000 characters for the whole command (names, descriptions and choice values of every option;
 * of localized fields only the longest counts) — see `commandSize`.
 * Exceeding one is NOT handled by dropping commands: `buildRegistration` throws
 * `RegistrationLimitError`, so a grammar that outgrew Discord fails at registration, loudly.
 */
export const limits = { top: 25, subcommands: 25, options: 25, choices: 25, description: 100, name: 32, stringLength: 6000, commandSize: 8000 } as const;

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
  readonly payload: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** `group/sub` or `/sub` → the command path and its option names. */
  readonly routes: ReadonlyMap<string, SubcommandRoute>;
  /** A hash of the payload: registration is only repeated when it changes. */
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
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
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

/**
 * The `/council` command from the same definitions the text grammar uses: the first word of a path
 * is a subcommand group, the second its subcommand; one-word commands are plain subcommands. A word
 * that is both (`profile` and `profile set`) gets its own command as the group's `show` subcommand.
 * Hidden commands (only buttons run them) are not registered.
 */
export function buildRegistration(commands: readonly CommandDefinition[]): Registration {
  const visible = commands.filter((c) => !c.hidden);
  const byArea = new Map<string, CommandDefinition[]>();
  for (const command of visible) {
    if (command.path.length < 1 || command.path.length > 2) {
      throw new RegistrationLimitError(`"${command.path.join(" ")}" has ${command.path.length} words; Discord nests at most two under /${rootName}`);
    }
    const area = command.path[0]!;
    byArea.set(area, [...(byArea.get(area) ?? []), command]);
  }
  if (byArea.size > limits.top) {
    throw new RegistrationLimitError(`${byArea.size} subcommand groups and subcommands; Discord allows ${limits.top} under one command`);
  }
  const routes = new Map<string, SubcommandRoute>();
  const options: APIApplicationCommandOption[] = [];
  for (const [area, members] of byArea) {
    const single = members.find((c) => c.path.length === 1);
    const nested = members.filter((c) => c.path.length === 2);
    if (nested.length === 0 && single) {
      const built = subcommand(single, area);
      options.push(built.option);
      routes.set(routeKey(null, area), built.route);
      continue;
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
    options.push(group);
  }
  const payload: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: ApplicationCommandType.ChatInput,
    name: rootName,
    ...described("discord.command.description", rootName, "discord"),
    // Guild channels only: the council is a server; its people are members of that server.
    contexts: [InteractionContextType.Guild],
    options,
  };
  const size = commandSize(payload);
  if (size > limits.commandSize) {
    throw new RegistrationLimitError(`/${rootName} is ${size} characters; Discord allows ${limits.commandSize} per command (shorten summaries or split the command)`);
  }
  const hash = createHash("sha256").update(JSON.stringify(payload)).digest("hex");
  return { payload, routes, hash };
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

/** What registering needs of discord.js's REST client (`client.rest` or a bare `REST`). */
export interface CommandRest {
  put(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

export const commandsRoute = (applicationId: string, guildId?: string): `/${string}` =>
  guildId ? `/applications/${applicationId}/guilds/${guildId}/commands` : `/applications/${applicationId}/commands`;

/** Replaces the application's commands (in one guild if given — instant —, else globally). */
export async function registerCommands(rest: CommandRest, applicationId: string, guildId: string | undefined, registration: Registration): Promise<void> {
  const body: RESTPutAPIApplicationCommandsJSONBody = [registration.payload, newsletterCommand()];
  await rest.put(commandsRoute(applicationId, guildId), { body });
}

/** The default file remembering what was registered (one hash per application and scope). */
export const defaultStateFile = "./data/discord-commands.json";

/**
 * Registers only when the definitions changed since the last registration for this application
 * and scope, remembered as a hash in `stateFile` (under ./data/ by default); `force` registers anyway
 * (the `discord:register` script). Returns whether it registered.
 */
export async function registerIfChanged(
  rest: CommandRest,
  applicationId: string,
  guildId: string | undefined,
  registration: Registration,
  stateFile: string = defaultStateFile,
  options: { force?: boolean } = {},
): Promise<boolean> {
  const scope = `${applicationId}:${guildId ?? "global"}`;
  let state: Record<string, string> = {};
  try {
    state = JSON.parse(await readFile(stateFile, "utf8")) as Record<string, string>;
  } catch {
    // First start, or an unreadable file: register.
  }
  if (!options.force && state[scope] === registration.hash) return false;
  await registerCommands(rest, applicationId, guildId, registration);
  await mkdir(dirname(stateFile), { recursive: true });
  await writeFile(stateFile, `${JSON.stringify({ ...state, [scope]: registration.hash }, null, 2)}\n`);
  return true;
}
