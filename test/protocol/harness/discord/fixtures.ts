/**
 * The fake's data: users, guilds (channels, roles, members) and the wire-shaped objects built
 * from them. Shapes follow Discord API v10 as typed by discord-api-types (re-exported by
 * discord.js); fields discord.js reads without a presence check (e.g. `features`, `roles`,
 * `embeds`, `components`) are always present so the real client never trips over a fixture.
 */
import type { APIGuildMember, APIOverwrite, APIRole, APIUser } from 'discord.js';
import { FIXTURE_IDS, nextSnowflake } from './snowflakes.ts';

/** A JSON object as it travels on the wire. */
export type Json = Record<string, unknown>;

/** Wire channel types the harness builds (discord-api-types `ChannelType`). */
export const ChannelTypes = {
  GuildText: 0,
  DM: 1,
  GuildVoice: 2,
  GuildCategory: 4,
  GuildAnnouncement: 5,
  PublicThread: 11,
  PrivateThread: 12,
} as const;

/** Administrator (1 << 3); what the default chair member and the bot hold. */
export const ADMINISTRATOR = String(1n << 3n);
/** View channel, send messages, read history, use application commands, embed/attach files. */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 31n));
/** Every permission bit Discord defines today, as `app_permissions` for an admin bot. */
export const ALL_PERMISSIONS = String((1n << 51n) - 1n);

export interface ChannelSpec {
  id?: string;
  name: string;
  /** A ChannelTypes value; text channel by default. */
  type?: number;
  parentId?: string | null;
  topic?: string | null;
  position?: number;
  permissionOverwrites?: APIOverwrite[];
}

export interface MemberSpec {
  user: Partial<APIUser> & { id: string; username: string };
  roles?: string[];
  nick?: string | null;
}

export interface GuildSpec {
  id?: string;
  name?: string;
  ownerId?: string;
  preferredLocale?: string;
  channels?: ChannelSpec[];
  /** Extra roles; @everyone (id = guild id) is always added. */
  roles?: Array<Partial<APIRole> & { id: string; name: string }>;
  /** Members besides the bot, which is always a member. */
  members?: MemberSpec[];
}

export interface ApplicationSpec {
  id?: string;
  name?: string;
  /** Application flags; discord.js reads them into `client.application.flags`. */
  flags?: number;
}

/** A guild as the fake keeps it; GUILD_CREATE payloads are rendered from this at send time. */
export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  roles: Map<string, APIRole>;
  members: Map<string, APIGuildMember>;
  /** Ids of this guild's channels and threads (the objects live in the world's channel map). */
  channelIds: Set<string>;
}

export function userObject(partial: Partial<APIUser> & { id: string; username: string }): APIUser {
  return {
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: false,
    ...partial,
  };
}

export function roleObject(partial: Partial<APIRole> & { id: string; name: string }): APIRole {
  return {
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 1,
    permissions: MEMBER_PERMISSIONS,
    managed: false,
    mentionable: false,
    // No flag bits set; the enum has no named zero member, hence the cast.
    flags: 0 as APIRole['flags'],
    ...partial,
  };
}

export function memberObject(user: APIUser, roles: string[] = [], nick: string | null = null): APIGuildMember {
  return {
    user,
    nick,
    avatar: null,
    banner: null,
    roles,
    joined_at: '2024-01-01T12:00:00.000000+00:00',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as APIGuildMember['flags'],
    pending: false,
    communication_disabled_until: null,
  };
}

export function channelObject(spec: ChannelSpec & { guildId?: string }): Json {
  const type = spec.type ?? ChannelTypes.GuildText;
  const channel: Json = {
    id: spec.id ?? nextSnowflake(),
    type,
    name: spec.name,
    position: spec.position ?? 0,
    flags: 0,
    permission_overwrites: spec.permissionOverwrites ?? [],
    parent_id: spec.parentId ?? null,
  };
  if (spec.guildId !== undefined) channel.guild_id = spec.guildId;
  if (type === ChannelTypes.GuildText || type === ChannelTypes.GuildAnnouncement) {
    Object.assign(channel, { topic: spec.topic ?? null, nsfw: false, last_message_id: null, rate_limit_per_user: 0 });
  }
  if (type === ChannelTypes.GuildVoice) Object.assign(channel, { bitrate: 64_000, user_limit: 0, rtc_region: null });
  return channel;
}

/** The default world: a regional council guild with a working-groups category and three people. */
export function defaultGuildSpec(): GuildSpec {
  const ids = FIXTURE_IDS;
  return {
    id: ids.guild,
    name: 'Aluevaltuusto',
    ownerId: ids.chairUser,
    preferredLocale: 'fi',
    roles: [
      { id: ids.adminRole, name: 'Puheenjohtajisto', permissions: ADMINISTRATOR, position: 2, hoist: true },
      { id: ids.memberRole, name: 'Jäsen', position: 1 },
    ],
    channels: [
      { id: ids.workingGroupsCategory, name: 'Työryhmät', type: ChannelTypes.GuildCategory, position: 0 },
      { id: ids.generalChannel, name: 'yleinen', position: 0, topic: 'Yleinen keskustelu' },
      { id: ids.councilChannel, name: 'valtuusto', position: 1, parentId: ids.workingGroupsCategory },
      { id: ids.announcementsChannel, name: 'tiedotteet', type: ChannelTypes.GuildAnnouncement, position: 2 },
    ],
    members: [
      { user: { id: ids.chairUser, username: 'aino.virtanen', global_name: 'Aino Virtanen' }, roles: [ids.adminRole, ids.memberRole] },
      { user: { id: ids.memberUser, username: 'mikko.korhonen', global_name: 'Mikko Korhonen' }, roles: [ids.memberRole], nick: 'Mikko' },
      { user: { id: ids.otherUser, username: 'liisa.nieminen', global_name: 'Liisa Nieminen' } },
    ],
  };
}
