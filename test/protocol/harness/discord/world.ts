/**
 * The mutable state behind the fake: users, guilds, channels, messages, interactions and
 * registered commands. Both the gateway (READY / GUILD_CREATE payloads) and the REST routes read
 * and write it, so a message the bot sends over REST can later be the target of a button click.
 */
import type { APIGuildMember, APIUser } from 'discord.js';
import {
  ALL_PERMISSIONS,
  ChannelTypes,
  channelObject,
  memberObject,
  roleObject,
  userObject,
  type ApplicationSpec,
  type ChannelSpec,
  type GuildRecord,
  type GuildSpec,
  type Json,
} from './fixtures.ts';
import { FIXTURE_IDS, nextSnowflake } from './snowflakes.ts';

/** A file that arrived in a multipart body. */
export interface UploadedFile {
  /** The form field, `files[0]`, `files[1]`, ... as @discordjs/rest names them. */
  field: string;
  name: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface InteractionRecord {
  payload: Json;
  id: string;
  token: string;
  /** Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  /** Callback type of the first (only allowed) response, once answered. */
  responseType: number | undefined;
  /** The message @original refers to: the reply for commands, the clicked message for updates. */
  originalMessageId: string | undefined;
}

export interface CommandScope {
  guildId: string | null;
}

/** Message flags the fake interprets (discord-api-types `MessageFlags`). */
export const MessageFlagBits = { Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

export class DiscordWorld {
  readonly application: { id: string; name: string; flags: number };
  readonly bot: APIUser;
  readonly users = new Map<string, APIUser>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, Json>();
  readonly messages = new Map<string, Json>();
  readonly interactions = new Map<string, InteractionRecord>();
  /** Registered application commands, keyed by scope: '' for global, else the guild id. */
  readonly commands = new Map<string, Json[]>();
  private readonly dmChannelByUser = new Map<string, string>();

  constructor(options: { application?: ApplicationSpec; botUser?: Partial<APIUser>; guilds?: GuildSpec[] }) {
    const appId = options.application?.id ?? FIXTURE_IDS.application;
    this.application = {
      id: appId,
      name: options.application?.name ?? 'Council Bot',
      // GatewayIntentsMessageContentLimited (1 << 19): what an unverified bot normally shows.
      flags: options.application?.flags ?? 1 << 19,
    };
    this.bot = userObject({ id: appId, username: 'council-bot', bot: true, ...options.botUser });
    this.users.set(this.bot.id, this.bot);
    for (const spec of options.guilds ?? []) this.addGuild(spec);
  }

  addGuild(spec: GuildSpec): GuildRecord {
    const id = spec.id ?? nextSnowflake();
    const record: GuildRecord = {
      id,
      name: spec.name ?? 'Test guild',
      ownerId: spec.ownerId ?? spec.members?.[0]?.user.id ?? this.bot.id,
      preferredLocale: spec.preferredLocale ?? 'en-US',
      roles: new Map(),
      members: new Map(),
      channelIds: new Set(),
    };
    record.roles.set(id, roleObject({ id, name: '@everyone', position: 0 }));
    for (const role of spec.roles ?? []) record.roles.set(role.id, roleObject(role));
    record.members.set(this.bot.id, memberObject(this.bot));
    for (const member of spec.members ?? []) {
      const user = userObject(member.user);
      this.users.set(user.id, user);
      record.members.set(user.id, memberObject(user, member.roles ?? [], member.nick ?? null));
    }
    this.guilds.set(id, record);
    for (const channel of spec.channels ?? []) this.addChannel(id, channel);
    return record;
  }

  addChannel(guildId: string, spec: ChannelSpec): Json {
    const guild = this.requireGuild(guildId);
    const channel = channelObject({ ...spec, guildId });
    const id = String(channel.id);
    this.channels.set(id, channel);
    guild.channelIds.add(id);
    return channel;
  }

  requireGuild(guildId: string): GuildRecord {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`the fake has no guild ${guildId}`);
    return guild;
  }

  /** The guild that holds `channelId`, if it is a guild channel or thread. */
  guildOfChannel(channelId: string): GuildRecord | undefined {
    for (const guild of this.guilds.values()) if (guild.channelIds.has(channelId)) return guild;
    return undefined;
  }

  member(guildId: string, userId: string): APIGuildMember | undefined {
    return this.guilds.get(guildId)?.members.get(userId);
  }

  /** Discord hands out one DM channel per recipient and returns the same one every time. */
  dmChannelWith(userId: string): Json {
    const existing = this.dmChannelByUser.get(userId);
    if (existing) return this.channels.get(existing) as Json;
    const recipient = this.users.get(userId) ?? userObject({ id: userId, username: `user-${userId}` });
    const channel: Json = { id: nextSnowflake(), type: ChannelTypes.DM, last_message_id: null, flags: 0, recipients: [recipient] };
    this.channels.set(String(channel.id), channel);
    this.dmChannelByUser.set(userId, String(channel.id));
    return channel;
  }

  guildCreatePayload(guildId: string): Json {
    const guild = this.requireGuild(guildId);
    const channels: Json[] = [];
    const threads: Json[] = [];
    for (const id of guild.channelIds) {
      const channel = this.channels.get(id);
      if (!channel) continue;
      // GUILD_CREATE carries channels without guild_id and active threads in their own list.
      const { guild_id: _omit, ...rest } = channel;
      if (channel.type === ChannelTypes.PublicThread || channel.type === ChannelTypes.PrivateThread) threads.push(channel);
      else channels.push(rest);
    }
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      preferred_locale: guild.preferredLocale,
      vanity_url_code: null,
      application_id: null,
      features: [],
      max_members: 500_000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      emojis: [],
      stickers: [],
      roles: [...guild.roles.values()],
      joined_at: '2024-01-01T12:00:00.000000+00:00',
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: [...guild.members.values()],
      channels,
      threads,
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      incidents_data: null,
      lazy: true,
    };
  }

  /**
   * Builds and stores a message the way Discord echoes it back: full author, timestamps, parsed
   * mentions and attachment objects for uploaded files.
   */
  createMessage(input: {
    channelId: string;
    body: Json;
    files?: UploadedFile[];
    author?: APIUser;
    type?: number;
    webhookId?: string;
    interaction?: InteractionRecord;
  }): Json {
    const id = nextSnowflake();
    const body = input.body;
    const message: Json = {
      id,
      type: input.type ?? (body.message_reference ? 19 : 0),
      channel_id: input.channelId,
      author: input.author ?? this.bot,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: Boolean(body.tts),
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
    };
    const guild = this.guildOfChannel(input.channelId);
    if (guild) message.guild_id = guild.id;
    if (input.webhookId !== undefined) {
      message.webhook_id = input.webhookId;
      message.application_id = this.application.id;
    }
    if (input.interaction) message.interaction_metadata = this.interactionMetadata(input.interaction);
    if (body.message_reference) message.message_reference = body.message_reference;
    if (typeof body.nonce === 'string' || typeof body.nonce === 'number') message.nonce = body.nonce;
    this.applyMessageBody(message, body, input.files ?? []);
    this.messages.set(id, message);
    const channel = this.channels.get(input.channelId);
    if (channel) channel.last_message_id = id;
    return message;
  }

  /** The message `authorId` sent to `channelId` with `nonce` within the last `windowMs`, if any. */
  recentMessageWithNonce(channelId: string, authorId: string, nonce: string, windowMs: number): Json | undefined {
    const since = Date.now() - windowMs;
    return [...this.messages.values()].find(
      (m) =>
        m.channel_id === channelId &&
        (m.author as APIUser | undefined)?.id === authorId &&
        m.nonce !== undefined &&
        String(m.nonce) === nonce &&
        Date.parse(String(m.timestamp)) >= since,
    );
  }

  /** The messages of one channel, oldest first. */
  messagesIn(channelId: string): Json[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }

  /** Applies an edit body: only the fields present change, as with Discord's PATCH. */
  editMessage(messageId: string, body: Json, files: UploadedFile[] = []): Json | undefined {
    const message = this.messages.get(messageId);
    if (!message) return undefined;
    this.applyMessageBody(message, body, files);
    message.edited_timestamp = new Date().toISOString();
    return message;
  }

  private applyMessageBody(message: Json, body: Json, files: UploadedFile[]): void {
    if (typeof body.content === 'string') {
      message.content = body.content;
      message.mentions = [...body.content.matchAll(/<@!?(\d+)>/g)]
        .map((m) => this.users.get(m[1] ?? ''))
        .filter((u): u is APIUser => u !== undefined);
      message.mention_roles = [...body.content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]);
      message.mention_everyone = /@(everyone|here)/.test(body.content);
    }
    if (Array.isArray(body.embeds)) message.embeds = body.embeds;
    if (Array.isArray(body.components)) message.components = body.components;
    if (typeof body.flags === 'number') {
      // Loading is server-owned: it is set by a deferral and cleared by the first edit.
      const loading = Number(message.flags) & MessageFlagBits.Loading;
      message.flags = (body.flags & ~MessageFlagBits.Loading) | loading;
    }
    if (body.poll) message.poll = body.poll;
    if (Array.isArray(body.attachments) || files.length > 0) message.attachments = this.attachments(message, body, files);
  }

  /**
   * `attachments` in the JSON body lists what the message keeps: entries whose id is a number
   * refer to `files[<id>]` of this request, others are existing attachment ids. Without the
   * list, every uploaded file becomes an attachment.
   */
  private attachments(message: Json, body: Json, files: UploadedFile[]): Json[] {
    const previous = (message.attachments as Json[] | undefined) ?? [];
    const fromFile = (file: UploadedFile, description?: unknown): Json => {
      const id = nextSnowflake();
      const url = `https://cdn.discordapp.com/attachments/${String(message.channel_id)}/${id}/${encodeURIComponent(file.name)}`;
      return {
        id,
        filename: file.name,
        size: file.size,
        url,
        proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
        content_type: file.contentType,
        ...(typeof description === 'string' ? { description } : {}),
      };
    };
    if (!Array.isArray(body.attachments)) return [...previous, ...files.map((f) => fromFile(f))];
    const kept: Json[] = [];
    for (const entry of body.attachments as Json[]) {
      const file = files.find((f) => f.field === `files[${String(entry.id)}]`);
      if (file) kept.push(fromFile(file, entry.description));
      else {
        const old = previous.find((a) => a.id === String(entry.id));
        if (old) kept.push(old);
      }
    }
    return kept;
  }

  interactionMetadata(interaction: InteractionRecord): Json {
    const payload = interaction.payload;
    const member = payload.member as Json | undefined;
    const user = (payload.user as Json | undefined) ?? member?.user;
    const data = payload.data as Json | undefined;
    const metadata: Json = {
      id: interaction.id,
      type: interaction.type,
      user,
      authorizing_integration_owners: payload.authorizing_integration_owners ?? {},
    };
    if (interaction.type === 2 && data) {
      metadata.name = data.name;
      metadata.command_type = data.type;
    }
    return metadata;
  }

  commandsIn(scope: CommandScope): Json[] {
    return this.commands.get(scope.guildId ?? '') ?? [];
  }

  /**
   * Bulk overwrite, as `PUT .../commands`: commands keep their id when a command of the same
   * name and type already existed, others get a new one; the version changes on every write.
   */
  overwriteCommands(scope: CommandScope, bodies: Json[]): Json[] {
    const before = this.commandsIn(scope);
    const next = bodies.map((body) => this.commandObject(scope, body, before));
    this.commands.set(scope.guildId ?? '', next);
    return next;
  }

  upsertCommand(scope: CommandScope, body: Json): Json {
    const before = this.commandsIn(scope);
    const command = this.commandObject(scope, body, before);
    this.commands.set(scope.guildId ?? '', [...before.filter((c) => c.id !== command.id), command]);
    return command;
  }

  private commandObject(scope: CommandScope, body: Json, existing: Json[]): Json {
    const type = typeof body.type === 'number' ? body.type : 1;
    const same = existing.find((c) => c.name === body.name && c.type === type);
    return {
      default_member_permissions: null,
      nsfw: false,
      description: '',
      options: [],
      ...body,
      id: same?.id ?? nextSnowflake(),
      application_id: this.application.id,
      version: nextSnowflake(),
      type,
      ...(scope.guildId ? { guild_id: scope.guildId } : {}),
    };
  }

  /** The id a command named `name` was registered with (guild scope first), if any. */
  commandId(name: string, type: number, guildId: string | null): string | undefined {
    const scopes = guildId ? [this.commandsIn({ guildId }), this.commandsIn({ guildId: null })] : [this.commandsIn({ guildId: null })];
    for (const commands of scopes) {
      const found = commands.find((c) => c.name === name && c.type === type);
      if (found) return String(found.id);
    }
    return undefined;
  }

  /** `app_permissions` for the bot in a guild: everything, since the bot holds Administrator. */
  appPermissions(): string {
    return ALL_PERMISSIONS;
  }
}
