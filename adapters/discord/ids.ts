/**
 * Discord ids as the core sees them. The core's ids are opaque strings; only this file knows their
 * shape: workspace `discord:<guild>`, channel `discord:<guild>:<channel>`, person `discord:<guild>:<user>`.
 * A person is per guild (as a Slack person is per team): the same Discord user in two councils'
 * servers is two people with their own groups and roles.
 */
const prefix = "discord";
const snowflake = /^\d{1,20}$/;

export interface DiscordRef {
  readonly guild: string;
  readonly id: string;
}

export const workspaceId = (guild: string): string => `${prefix}:${guild}`;
export const channelId = (guild: string, channel: string): string => `${prefix}:${guild}:${channel}`;
export const personId = (guild: string, user: string): string => `${prefix}:${guild}:${user}`;

export function decodeWorkspace(encoded: string): string | null {
  const [p, guild, ...rest] = encoded.split(":");
  return p === prefix && guild && snowflake.test(guild) && rest.length === 0 ? guild : null;
}

/** A channel or person id back to its guild and Discord id; null when it is not one of ours. */
export function decodeRef(encoded: string): DiscordRef | null {
  const [p, guild, id, ...rest] = encoded.split(":");
  if (p !== prefix || !guild || !id || rest.length > 0 || !snowflake.test(guild) || !snowflake.test(id)) return null;
  return { guild, id };
}

export const decodeChannel = decodeRef;
export const decodePerson = decodeRef;

/** Like decodeRef, but a foreign id is a programming error (the core handed us someone else's id). */
export function requireRef(encoded: string, what: "channel" | "person"): DiscordRef {
  const ref = decodeRef(encoded);
  if (!ref) throw new Error(`not a Discord ${what} id: ${encoded}`);
  return ref;
}
