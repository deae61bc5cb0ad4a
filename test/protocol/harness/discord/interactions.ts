/**
 * Builders for INTERACTION_CREATE payloads as Discord sends them over the gateway (API v10),
 * with defaults from the world so a test writes one line. discord.js 14.28 reads, without
 * presence checks, `entitlements` (array), `member.user` or `user`, `channel` (the partial
 * channel it caches), `data.*` per type and, for components, `message`; all are always set.
 */
import type { APIGuildMember } from 'discord.js';
import { ADMINISTRATOR, ALL_PERMISSIONS, ChannelTypes, type Json } from './fixtures.ts';
import { interactionToken } from './rest-routes.ts';
import { FIXTURE_IDS, nextSnowflake } from './snowflakes.ts';
import type { DiscordWorld } from './world.ts';

/** Interaction types (discord-api-types `InteractionType`). */
export const InteractionTypes = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
/** Application command types: 1 chat input (slash), 2 user context menu, 3 message context menu. */
export const CommandTypes = { ChatInput: 1, User: 2, Message: 3 } as const;

export interface InteractionContext {
  /** Guild the interaction happens in; null for a DM with the bot. Default: the first guild. */
  guildId?: string | null;
  /** Default: the guild's first text channel, or the DM channel with the user. */
  channelId?: string;
  /** Who interacted. Default: FIXTURE_IDS.chairUser (or the guild's owner). */
  userId?: string;
  /** The user's client locale. Default 'fi'. */
  locale?: string;
  id?: string;
  token?: string;
}

export type TypedOption =
  | { type: 'string'; value: string }
  | { type: 'integer' | 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'user' | 'channel' | 'role' | 'mentionable'; id: string }
  | { type: 'attachment'; filename: string; contentType?: string; size?: number };

/** Plain strings, booleans and numbers map to STRING, BOOLEAN and INTEGER (or NUMBER if fractional). */
export type OptionInput = string | number | boolean | TypedOption;

export interface ChatInputSpec extends InteractionContext {
  /** Top-level command name, e.g. 'council'. */
  name: string;
  /** Subcommand group, e.g. 'group' in `/council group create`. */
  group?: string;
  subcommand?: string;
  /** Leaf options in order, e.g. `{ name: 'Viestintä' }`. */
  options?: Record<string, OptionInput>;
}

export interface AutocompleteSpec extends ChatInputSpec {
  /** The option being typed; its value is sent as the partial string typed so far. */
  focused: string;
}

export interface ButtonSpec extends InteractionContext {
  customId: string;
  /** The message the button sits on. Default: a new bot message carrying just this button. */
  message?: Json;
}

export interface StringSelectSpec extends InteractionContext {
  customId: string;
  values: string[];
  message?: Json;
}

export interface ModalSubmitSpec extends InteractionContext {
  customId: string;
  /** Text inputs by custom_id. */
  fields?: Record<string, string>;
  /**
   * 'label' (default): each input inside a Label (type 18), what Discord sends for modals built
   * with `ModalBuilder.addLabelComponents`; 'actionRow': the legacy rows of text inputs.
   */
  layout?: 'label' | 'actionRow';
  /** String selects inside labels (the newer modal layout) by custom_id. */
  selects?: Record<string, string[]>;
  /** Set when the modal was opened from a component; enables update/deferUpdate. */
  message?: Json;
}

export interface MessageCommandSpec extends InteractionContext {
  name: string;
  /** The message the command targets. Default: a new message by FIXTURE_IDS.memberUser. */
  target?: Json;
}

export interface UserCommandSpec extends InteractionContext {
  name: string;
  targetUserId?: string;
}

const OPTION_TYPE = {
  subcommand: 1,
  group: 2,
  string: 3,
  integer: 4,
  boolean: 5,
  user: 6,
  channel: 7,
  role: 8,
  mentionable: 9,
  number: 10,
  attachment: 11,
} as const;

export class InteractionBuilder {
  constructor(private readonly world: DiscordWorld) {}

  chatInput(spec: ChatInputSpec): Json {
    const base = this.base(InteractionTypes.ApplicationCommand, spec);
    base.data = this.commandData(spec, base, undefined);
    return base;
  }

  autocomplete(spec: AutocompleteSpec): Json {
    const base = this.base(InteractionTypes.Autocomplete, spec);
    base.data = this.commandData(spec, base, spec.focused);
    return base;
  }

  button(spec: ButtonSpec): Json {
    const base = this.base(InteractionTypes.MessageComponent, spec);
    base.message =
      spec.message ??
      this.botMessage(base, [{ type: 1, components: [{ type: 2, style: 1, label: spec.customId, custom_id: spec.customId }] }]);
    base.data = { custom_id: spec.customId, component_type: 2 };
    return base;
  }

  stringSelect(spec: StringSelectSpec): Json {
    const base = this.base(InteractionTypes.MessageComponent, spec);
    const options = spec.values.map((value) => ({ label: value, value }));
    base.message =
      spec.message ??
      this.botMessage(base, [{ type: 1, components: [{ type: 3, custom_id: spec.customId, options, min_values: 1, max_values: options.length }] }]);
    base.data = { custom_id: spec.customId, component_type: 3, values: spec.values };
    return base;
  }

  modalSubmit(spec: ModalSubmitSpec): Json {
    const base = this.base(InteractionTypes.ModalSubmit, spec);
    // Discord echoes the modal's layout, numbering every component with an `id`.
    let nextId = 1;
    const components: Json[] = Object.entries(spec.fields ?? {}).map(([customId, value]) => {
      const input = { type: 4, id: 0, custom_id: customId, value };
      if (spec.layout === 'actionRow') {
        const row = { type: 1, id: nextId++, components: [input] };
        input.id = nextId++;
        return row;
      }
      const label = { type: 18, id: nextId++, component: input };
      input.id = nextId++;
      return label;
    });
    for (const [customId, values] of Object.entries(spec.selects ?? {})) {
      const label = { type: 18, id: nextId++, component: { type: 3, id: 0, custom_id: customId, values } };
      label.component.id = nextId++;
      components.push(label);
    }
    base.data = { custom_id: spec.customId, components };
    if (spec.message) base.message = spec.message;
    return base;
  }

  messageCommand(spec: MessageCommandSpec): Json {
    const base = this.base(InteractionTypes.ApplicationCommand, spec);
    const target =
      spec.target ??
      this.world.createMessage({
        channelId: String(base.channel_id),
        body: { content: 'Kokous siirtyy torstaille klo 18.' },
        author: this.world.users.get(FIXTURE_IDS.memberUser) ?? this.world.bot,
      });
    const guildId = (base.guild_id as string | undefined) ?? null;
    base.data = {
      id: this.world.commandId(spec.name, CommandTypes.Message, guildId) ?? nextSnowflake(),
      name: spec.name,
      type: CommandTypes.Message,
      target_id: target.id,
      resolved: { messages: { [String(target.id)]: target } },
    };
    return base;
  }

  userCommand(spec: UserCommandSpec): Json {
    const base = this.base(InteractionTypes.ApplicationCommand, spec);
    const guildId = (base.guild_id as string | undefined) ?? null;
    const targetId = spec.targetUserId ?? FIXTURE_IDS.memberUser;
    const resolved: Json = {};
    this.resolveUser(resolved, guildId, targetId);
    base.data = {
      id: this.world.commandId(spec.name, CommandTypes.User, guildId) ?? nextSnowflake(),
      name: spec.name,
      type: CommandTypes.User,
      target_id: targetId,
      resolved,
    };
    return base;
  }

  /** Fields every interaction carries, for a guild member or (guildId null) a DM user. */
  private base(type: number, ctx: InteractionContext): Json {
    const world = this.world;
    const guildId = ctx.guildId === undefined ? (world.guilds.keys().next().value ?? null) : ctx.guildId;
    const guild = guildId ? world.requireGuild(guildId) : undefined;
    const userId = ctx.userId ?? (guild?.members.has(FIXTURE_IDS.chairUser) || !guild ? FIXTURE_IDS.chairUser : guild.ownerId);
    const user = world.users.get(userId);
    if (!user) throw new Error(`interaction builder: unknown user ${userId}; add it to a guild's members first`);
    let channel: Json | undefined;
    if (ctx.channelId) channel = world.channels.get(ctx.channelId);
    else if (guild) {
      const firstText = [...guild.channelIds].map((id) => world.channels.get(id)).find((c) => c?.type === ChannelTypes.GuildText);
      channel = firstText;
    } else channel = world.dmChannelWith(userId);
    if (!channel) throw new Error(`interaction builder: no channel ${ctx.channelId ?? '(default text channel)'} in the fake`);
    const payload: Json = {
      id: ctx.id ?? nextSnowflake(),
      application_id: world.application.id,
      type,
      token: ctx.token ?? interactionToken(),
      version: 1,
      channel_id: channel.id,
      locale: ctx.locale ?? 'fi',
      app_permissions: ALL_PERMISSIONS,
      entitlements: [],
      attachment_size_limit: 10_485_760,
    };
    if (guild) {
      const member = guild.members.get(userId);
      if (!member) throw new Error(`interaction builder: user ${userId} is not a member of guild ${guild.id}`);
      const permissions = this.memberPermissions(guild.id, member);
      Object.assign(payload, {
        guild_id: guild.id,
        guild_locale: guild.preferredLocale,
        guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
        member: { ...member, permissions },
        channel: { ...channel, permissions },
        authorizing_integration_owners: { '0': guild.id },
        context: 0,
      });
    } else {
      Object.assign(payload, {
        user,
        channel: { ...channel, recipients: [user] },
        // GUILD_INSTALL owner is "0" when the interaction happens in the bot's own DM.
        authorizing_integration_owners: { '0': '0' },
        context: 1,
      });
    }
    return payload;
  }

  /** Effective guild permissions: @everyone plus the member's roles; Administrator means all. */
  private memberPermissions(guildId: string, member: APIGuildMember): string {
    const guild = this.world.requireGuild(guildId);
    let bits = BigInt(guild.roles.get(guildId)?.permissions ?? '0');
    for (const roleId of member.roles) bits |= BigInt(guild.roles.get(roleId)?.permissions ?? '0');
    if (guild.ownerId === member.user.id || bits & BigInt(ADMINISTRATOR)) return ALL_PERMISSIONS;
    return bits.toString();
  }

  private commandData(spec: ChatInputSpec, base: Json, focused: string | undefined): Json {
    const guildId = (base.guild_id as string | undefined) ?? null;
    const resolved: Json = {};
    let options: Json[] = Object.entries(spec.options ?? {}).map(([name, input]) =>
      this.option(name, input, resolved, guildId, name === focused),
    );
    if (spec.subcommand) options = [{ type: OPTION_TYPE.subcommand, name: spec.subcommand, options }];
    if (spec.group) {
      if (!spec.subcommand) throw new Error('interaction builder: a subcommand group needs a subcommand');
      options = [{ type: OPTION_TYPE.group, name: spec.group, options }];
    }
    const data: Json = {
      id: this.world.commandId(spec.name, CommandTypes.ChatInput, guildId) ?? nextSnowflake(),
      name: spec.name,
      type: CommandTypes.ChatInput,
      options,
    };
    const registeredInGuild = guildId ? this.world.commandsIn({ guildId }).some((c) => c.name === spec.name) : false;
    if (registeredInGuild) data.guild_id = guildId;
    if (Object.keys(resolved).length > 0) data.resolved = resolved;
    return data;
  }

  private option(name: string, input: OptionInput, resolved: Json, guildId: string | null, focused: boolean): Json {
    const typed: TypedOption =
      typeof input === 'string'
        ? { type: 'string', value: input }
        : typeof input === 'boolean'
          ? { type: 'boolean', value: input }
          : typeof input === 'number'
            ? { type: Number.isInteger(input) ? 'integer' : 'number', value: input }
            : input;
    const option: Json = { name, type: OPTION_TYPE[typed.type] };
    switch (typed.type) {
      case 'string':
      case 'integer':
      case 'number':
      case 'boolean':
        // Autocomplete sends what the user has typed so far, always as a string.
        option.value = focused ? String(typed.value) : typed.value;
        break;
      case 'user':
        option.value = typed.id;
        this.resolveUser(resolved, guildId, typed.id);
        break;
      case 'role':
        option.value = typed.id;
        this.resolveRole(resolved, guildId, typed.id);
        break;
      case 'mentionable':
        option.value = typed.id;
        if (this.world.users.has(typed.id)) this.resolveUser(resolved, guildId, typed.id);
        else this.resolveRole(resolved, guildId, typed.id);
        break;
      case 'channel': {
        option.value = typed.id;
        const channel = this.world.channels.get(typed.id);
        if (!channel) throw new Error(`interaction builder: unknown channel ${typed.id}`);
        bucket(resolved, 'channels')[typed.id] = {
          id: channel.id,
          name: channel.name,
          type: channel.type,
          parent_id: channel.parent_id ?? null,
          permissions: ALL_PERMISSIONS,
          ...(channel.thread_metadata ? { thread_metadata: channel.thread_metadata } : {}),
        };
        break;
      }
      case 'attachment': {
        const id = nextSnowflake();
        option.value = id;
        const url = `https://cdn.discordapp.com/ephemeral-attachments/${id}/${encodeURIComponent(typed.filename)}`;
        bucket(resolved, 'attachments')[id] = {
          id,
          filename: typed.filename,
          size: typed.size ?? 1024,
          url,
          proxy_url: url,
          content_type: typed.contentType ?? 'application/octet-stream',
          ephemeral: true,
        };
        break;
      }
    }
    if (focused) option.focused = true;
    return option;
  }

  private resolveUser(resolved: Json, guildId: string | null, userId: string): void {
    const user = this.world.users.get(userId);
    if (!user) throw new Error(`interaction builder: unknown user ${userId}`);
    bucket(resolved, 'users')[userId] = user;
    const member = guildId ? this.world.member(guildId, userId) : undefined;
    if (member && guildId) {
      // Resolved members omit `user` (it is in resolved.users) and add their permissions.
      const { user: _user, deaf: _deaf, mute: _mute, ...rest } = member;
      bucket(resolved, 'members')[userId] = { ...rest, permissions: this.memberPermissions(guildId, member) };
    }
  }

  private resolveRole(resolved: Json, guildId: string | null, roleId: string): void {
    const role = guildId ? this.world.requireGuild(guildId).roles.get(roleId) : undefined;
    if (!role) throw new Error(`interaction builder: unknown role ${roleId}`);
    bucket(resolved, 'roles')[roleId] = role;
  }

  /** A bot message in the interaction's channel, stored so callbacks can update it. */
  private botMessage(base: Json, components: Json[]): Json {
    return this.world.createMessage({
      channelId: String(base.channel_id),
      body: { content: 'Valitse toiminto', components },
    });
  }
}

function bucket(resolved: Json, key: string): Json {
  const existing = resolved[key] as Json | undefined;
  if (existing) return existing;
  const created: Json = {};
  resolved[key] = created;
  return created;
}
