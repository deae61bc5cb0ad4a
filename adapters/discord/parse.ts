import type { ChatInputCommandInteraction, CommandInteractionOption } from "discord.js";
import { routeKeyOf, type Registration, type SubcommandRoute } from "./commands.ts";
import { channelId } from "./ids.ts";

/** A person as the directory knows them: `<@id>` mentions resolve to these. */
export interface KnownUser {
  readonly id: string;
  readonly displayName: string;
}

export interface ParsedChatInput {
  readonly route: SubcommandRoute;
  /** Arguments by the command's own names; a user option is the mention `<@id>`. */
  readonly raw: Record<string, unknown>;
  /** Users the options named, with the names Discord resolved for them. */
  readonly users: KnownUser[];
}

export const mention = (id: string): string => `<@${id}>`;
export const mentionPattern = /^<@!?(\d{1,20})>$/;

function knownUser(option: CommandInteractionOption): KnownUser | null {
  const user = option.user;
  if (!user) return null;
  const member = option.member as { displayName?: string; nick?: string | null } | null | undefined;
  const displayName = member?.displayName ?? member?.nick ?? user.globalName ?? user.username;
  return { id: user.id, displayName };
}

/**
 * `/council group add group:Viestintä person:@Mikko` (or `/election vote …` on an area's own root)
 * → the route (`group add`) and the raw
 * arguments `{ group: "Viestintä", person: "<@…>" }`, ready to become the call `dispatcher.run` runs.
 * Returns null for a subcommand we did not register (an old registration still cached by Discord).
 */
export function parseChatInput(interaction: ChatInputCommandInteraction, registration: Registration, guild: string): ParsedChatInput | null {
  const key = routeKeyOf(interaction.commandName, interaction.options.getSubcommandGroup(false), interaction.options.getSubcommand(false));
  const route = key === null ? undefined : registration.routes.get(key);
  if (!route) return null;
  const raw: Record<string, unknown> = {};
  const users: KnownUser[] = [];
  for (const option of route.options) {
    const given = interaction.options.get(option.option, false);
    if (!given || given.value === undefined || given.value === null) continue;
    if (option.kind === "person") {
      const known = knownUser(given);
      if (known) users.push(known);
      raw[option.arg] = mention(String(given.value));
    } else if (option.kind === "channel") {
      raw[option.arg] = channelId(guild, String(given.value));
    } else {
      raw[option.arg] = given.value;
    }
  }
  return { route, raw, users };
}

