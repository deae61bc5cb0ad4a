/**
 * The Discord v10 REST routes discord.js 14.28 calls for a bot like ours, answered from the
 * shared world with Discord's shapes, status codes and error codes. Where Discord would also
 * emit a gateway event (CHANNEL_CREATE after creating a channel, MESSAGE_CREATE for a posted
 * message), the fake dispatches it too, filtered by the identify intents as Discord does.
 *
 * Interaction facts (discord.js 14.28.1 `InteractionResponses`, `InteractionWebhook`):
 *  - reply / deferReply / deferUpdate / update / showModal all POST
 *    `/interactions/:id/:token/callback` with `auth: false`, body `{ type, data }` (types 4, 5,
 *    6, 7, 9) and always the query `with_response=false|true`; Discord answers 204, or 200 with
 *    `{ interaction, resource }` when with_response is true; autocomplete `respond` uses type 8
 *    and sends no query;
 *  - editReply / fetchReply / deleteReply use `/webhooks/:appId/:token/messages/@original`
 *    (PATCH / GET / DELETE); followUp POSTs `/webhooks/:appId/:token?wait=true`;
 *  - a second callback for the same interaction is rejected with 40060.
 */
import { createHash } from 'node:crypto';
import type { Json } from './fixtures.ts';
import { ChannelTypes } from './fixtures.ts';
import { IntentBits, type FakeGateway } from './gateway-server.ts';
import type { RestReply, Route, RouteContext } from './rest-server.ts';
import { nextSnowflake } from './snowflakes.ts';
import { MessageFlagBits, type DiscordWorld, type InteractionRecord } from './world.ts';

/** Interaction callback types (discord-api-types `InteractionResponseType`). */
export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredMessageUpdate: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
} as const;

/** Which callbacks Discord accepts for each interaction type (2 command, 3 component, 4 autocomplete, 5 modal submit). */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  2: [4, 5, 9],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

/** How long Discord remembers an enforced nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60 * 1000;

const ok = (body: unknown, status = 200): RestReply => ({ status, body });
const noContent = (): RestReply => ({ status: 204 });
const error = (status: number, code: number, message: string, extra: Json = {}): RestReply => ({ status, body: { message, code, ...extra } });
const unknownChannel = (): RestReply => error(404, 10003, 'Unknown Channel');
const unknownMessage = (): RestReply => error(404, 10008, 'Unknown Message');
const unknownWebhook = (): RestReply => error(404, 10015, 'Unknown Webhook');
const unknownInteraction = (): RestReply => error(404, 10062, 'Unknown interaction');
const unknownGuild = (): RestReply => error(404, 10004, 'Unknown Guild');
const invalidForm = (field: string, code: string, message: string): RestReply =>
  error(400, 50035, 'Invalid Form Body', { errors: { [field]: { _errors: [{ code, message }] } } });

function bodyOf(ctx: RouteContext): Json {
  const body = ctx.call.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Json) : {};
}

function isThread(channel: Json): boolean {
  return channel.type === ChannelTypes.PublicThread || channel.type === ChannelTypes.PrivateThread || channel.type === 10;
}

export function createRoutes(deps: { world: DiscordWorld; gateway: FakeGateway }): Route[] {
  const { world, gateway } = deps;
  const route = (method: Route['method'], pattern: string, handle: Route['handle'], auth = true): Route => ({ method, pattern, handle, auth });

  /** Gateway echoes for REST writes: Discord sends these to every session with the intent. */
  const echoMessage = (event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: Json): void => {
    if (Number(message.flags) & MessageFlagBits.Ephemeral) return;
    const channel = world.channels.get(String(message.channel_id));
    const intent = channel?.type === ChannelTypes.DM ? IntentBits.DirectMessages : IntentBits.GuildMessages;
    const member = message.guild_id ? world.member(String(message.guild_id), world.bot.id) : undefined;
    const { user: _user, ...memberWithoutUser } = member ?? { user: undefined };
    gateway.dispatchIfIntended(intent, event, member ? { ...message, member: memberWithoutUser } : message);
  };
  const echoChannel = (event: 'CREATE' | 'UPDATE' | 'DELETE', channel: Json): void => {
    if (channel.type === ChannelTypes.DM) return;
    gateway.dispatchIfIntended(IntentBits.Guilds, `${isThread(channel) ? 'THREAD' : 'CHANNEL'}_${event}`, channel);
  };

  const interactionByToken = (appId: string, token: string): InteractionRecord | undefined => {
    if (appId !== world.application.id) return undefined;
    for (const rec of world.interactions.values()) if (rec.token === token) return rec;
    return undefined;
  };
  const webhookMessageId = (rec: InteractionRecord, messageId: string): string | undefined =>
    messageId === '@original' ? rec.originalMessageId : messageId;
  const responseMessageType = (rec: InteractionRecord): number => {
    if (rec.type !== 2) return 0;
    const data = rec.payload.data as Json | undefined;
    // CHAT_INPUT_COMMAND (20) for slash commands, CONTEXT_MENU_COMMAND (23) for context menus.
    return data?.type === 1 ? 20 : 23;
  };

  const interactionCallback = (ctx: RouteContext): RestReply => {
    const rec = world.interactions.get(ctx.params.interactionId ?? '');
    if (!rec || rec.token !== ctx.params.token) return unknownInteraction();
    if (rec.responseType !== undefined) return error(400, 40060, 'Interaction has already been acknowledged.');
    const body = bodyOf(ctx);
    const type = Number(body.type);
    const data = (body.data ?? {}) as Json;
    const clickedMessage = rec.payload.message as Json | undefined;
    if (!(ALLOWED_CALLBACKS[rec.type] ?? []).includes(type) || ((type === 6 || type === 7) && !clickedMessage)) {
      return invalidForm('type', 'INTERACTION_RESPONSE_TYPE_INVALID', `Callback type ${type} is not valid for interaction type ${rec.type}`);
    }
    rec.responseType = type;
    const channelId = String(rec.payload.channel_id);
    let message: Json | undefined;
    if (type === CallbackType.ChannelMessageWithSource || type === CallbackType.DeferredChannelMessageWithSource) {
      const messageBody = type === CallbackType.ChannelMessageWithSource ? data : { content: '', flags: Number(data.flags ?? 0) };
      message = world.createMessage({
        channelId,
        body: messageBody,
        files: ctx.call.files,
        type: responseMessageType(rec),
        webhookId: world.application.id,
        interaction: rec,
      });
      if (type === CallbackType.DeferredChannelMessageWithSource) message.flags = Number(message.flags) | MessageFlagBits.Loading;
      rec.originalMessageId = String(message.id);
      echoMessage('MESSAGE_CREATE', message);
    } else if (type === CallbackType.DeferredMessageUpdate || type === CallbackType.UpdateMessage) {
      const id = String(clickedMessage?.id);
      if (!world.messages.has(id) && clickedMessage) world.messages.set(id, clickedMessage);
      message = type === CallbackType.UpdateMessage ? world.editMessage(id, data, ctx.call.files) : world.messages.get(id);
      rec.originalMessageId = id;
      if (type === CallbackType.UpdateMessage && message) echoMessage('MESSAGE_UPDATE', message);
    }
    if (ctx.call.query.with_response !== 'true') return noContent();
    const interaction: Json = { id: rec.id, type: rec.type };
    if (message) {
      interaction.response_message_id = message.id;
      interaction.response_message_loading = Boolean(Number(message.flags) & MessageFlagBits.Loading);
      interaction.response_message_ephemeral = Boolean(Number(message.flags) & MessageFlagBits.Ephemeral);
    }
    return ok({ interaction, resource: { type, ...(message ? { message } : {}) } });
  };

  const webhookExecute = (ctx: RouteContext): RestReply => {
    const rec = interactionByToken(ctx.params.appId ?? '', ctx.params.token ?? '');
    if (!rec || rec.responseType === undefined) return unknownWebhook();
    const message = world.createMessage({
      channelId: String(rec.payload.channel_id),
      body: bodyOf(ctx),
      files: ctx.call.files,
      type: responseMessageType(rec),
      webhookId: world.application.id,
      interaction: rec,
    });
    echoMessage('MESSAGE_CREATE', message);
    return ctx.call.query.wait === 'true' ? ok(message) : noContent();
  };

  const webhookMessage = (ctx: RouteContext): { rec: InteractionRecord; id: string } | RestReply => {
    const rec = interactionByToken(ctx.params.appId ?? '', ctx.params.token ?? '');
    if (!rec) return unknownWebhook();
    const id = webhookMessageId(rec, ctx.params.messageId ?? '');
    if (id === undefined || !world.messages.has(id)) return unknownMessage();
    return { rec, id };
  };

  const createThread = (ctx: RouteContext, fromMessageId?: string): RestReply => {
    const parent = world.channels.get(ctx.params.channelId ?? '');
    const guild = parent ? world.guildOfChannel(String(parent.id)) : undefined;
    if (!parent || !guild) return unknownChannel();
    const body = bodyOf(ctx);
    if (fromMessageId !== undefined && !world.messages.has(fromMessageId)) return unknownMessage();
    const type = fromMessageId !== undefined ? ChannelTypes.PublicThread : Number(body.type ?? ChannelTypes.PrivateThread);
    const thread = world.addChannel(guild.id, {
      // A thread started from a message shares the message's id, as on Discord.
      ...(fromMessageId !== undefined ? { id: fromMessageId } : {}),
      name: String(body.name ?? 'thread'),
      type,
      parentId: String(parent.id),
    });
    Object.assign(thread, {
      owner_id: world.bot.id,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      rate_limit_per_user: Number(body.rate_limit_per_user ?? 0),
      thread_metadata: {
        archived: false,
        auto_archive_duration: Number(body.auto_archive_duration ?? 4320),
        archive_timestamp: new Date().toISOString(),
        locked: false,
        ...(type === ChannelTypes.PrivateThread ? { invitable: body.invitable !== false } : {}),
        create_timestamp: new Date().toISOString(),
      },
      member: { id: thread.id, user_id: world.bot.id, join_timestamp: new Date().toISOString(), flags: 0 },
    });
    if (fromMessageId !== undefined) {
      const message = world.messages.get(fromMessageId);
      if (message) message.thread = thread;
    }
    echoChannel('CREATE', { ...thread, newly_created: true });
    return ok(thread, 201);
  };

  const commandsScope = (ctx: RouteContext): { guildId: string | null } | RestReply => {
    if (ctx.params.appId !== world.application.id) return error(404, 10002, 'Unknown Application');
    if (ctx.params.guildId !== undefined && !world.guilds.has(ctx.params.guildId)) return unknownGuild();
    return { guildId: ctx.params.guildId ?? null };
  };
  const isReply = (value: unknown): value is RestReply => typeof value === 'object' && value !== null && 'status' in value;

  const applicationObject = (): Json => ({
    id: world.application.id,
    name: world.application.name,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: createHash('sha256').update(world.application.id).digest('hex'),
    flags: world.application.flags,
    team: null,
    owner: world.users.get(world.guilds.values().next().value?.ownerId ?? '') ?? world.bot,
    bot: world.bot,
    approximate_guild_count: world.guilds.size,
    install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
    integration_types_config: { '0': {} },
  });

  /** Guild scheduled events by id, as the routes below keep them. */
  const scheduledEvents = new Map<string, Json>();

  const commandRoutes = (prefix: string): Route[] => [
    route('GET', `${prefix}/commands`, (ctx) => {
      const scope = commandsScope(ctx);
      return isReply(scope) ? scope : ok(world.commandsIn(scope));
    }),
    route('PUT', `${prefix}/commands`, (ctx) => {
      const scope = commandsScope(ctx);
      if (isReply(scope)) return scope;
      if (!Array.isArray(ctx.call.body)) return invalidForm('_root', 'LIST_TYPE_CONVERT', 'Must be an array.');
      return ok(world.overwriteCommands(scope, ctx.call.body as Json[]));
    }),
    route('POST', `${prefix}/commands`, (ctx) => {
      const scope = commandsScope(ctx);
      if (isReply(scope)) return scope;
      const existed = world.commandsIn(scope).some((c) => c.name === bodyOf(ctx).name);
      return ok(world.upsertCommand(scope, bodyOf(ctx)), existed ? 200 : 201);
    }),
    route('DELETE', `${prefix}/commands/:commandId`, (ctx) => {
      const scope = commandsScope(ctx);
      if (isReply(scope)) return scope;
      const kept = world.commandsIn(scope).filter((c) => c.id !== ctx.params.commandId);
      world.commands.set(scope.guildId ?? '', kept);
      return noContent();
    }),
  ];

  return [
    // Gateway discovery: discord.js calls GET /gateway/bot once per login.
    route('GET', '/gateway/bot', () =>
      ok({
        url: gateway.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      }),
    ),
    route('GET', '/gateway', () => ok({ url: gateway.gatewayUrl }), false),

    route('GET', '/users/@me', () => ok({ ...world.bot, verified: true, mfa_enabled: false, flags: 0 })),
    route('POST', '/users/@me/channels', (ctx) => {
      const recipient = String(bodyOf(ctx).recipient_id ?? '');
      if (!world.users.has(recipient)) return error(400, 50007, 'Cannot send messages to this user');
      return ok(world.dmChannelWith(recipient));
    }),
    route('GET', '/users/:userId', (ctx) => {
      const user = world.users.get(ctx.params.userId ?? '');
      return user ? ok(user) : error(404, 10013, 'Unknown User');
    }),
    route('GET', '/applications/@me', () => ok(applicationObject())),
    ...commandRoutes('/applications/:appId'),
    ...commandRoutes('/applications/:appId/guilds/:guildId'),

    route('POST', '/interactions/:interactionId/:token/callback', interactionCallback, false),
    route('POST', '/webhooks/:appId/:token', webhookExecute, false),
    route(
      'GET',
      '/webhooks/:appId/:token/messages/:messageId',
      (ctx) => {
        const found = webhookMessage(ctx);
        return isReply(found) ? found : ok(world.messages.get(found.id));
      },
      false,
    ),
    route(
      'PATCH',
      '/webhooks/:appId/:token/messages/:messageId',
      (ctx) => {
        const found = webhookMessage(ctx);
        if (isReply(found)) return found;
        const message = world.editMessage(found.id, bodyOf(ctx), ctx.call.files) as Json;
        // The first edit of a deferred reply is what turns "thinking..." into the answer.
        message.flags = Number(message.flags) & ~MessageFlagBits.Loading;
        echoMessage('MESSAGE_UPDATE', message);
        return ok(message);
      },
      false,
    ),
    route(
      'DELETE',
      '/webhooks/:appId/:token/messages/:messageId',
      (ctx) => {
        const found = webhookMessage(ctx);
        if (isReply(found)) return found;
        world.messages.delete(found.id);
        return noContent();
      },
      false,
    ),

    route('GET', '/channels/:channelId', (ctx) => {
      const channel = world.channels.get(ctx.params.channelId ?? '');
      return channel ? ok(channel) : unknownChannel();
    }),
    route('PATCH', '/channels/:channelId', (ctx) => {
      const channel = world.channels.get(ctx.params.channelId ?? '');
      if (!channel) return unknownChannel();
      const body = bodyOf(ctx);
      for (const key of ['name', 'topic', 'parent_id', 'position', 'permission_overwrites', 'nsfw', 'rate_limit_per_user', 'flags'] as const) {
        if (key in body) channel[key] = body[key];
      }
      if (isThread(channel)) {
        const metadata = (channel.thread_metadata ?? {}) as Json;
        for (const key of ['archived', 'locked', 'invitable', 'auto_archive_duration'] as const) {
          if (key in body) metadata[key] = body[key];
        }
        if ('archived' in body) metadata.archive_timestamp = new Date().toISOString();
        channel.thread_metadata = metadata;
      }
      echoChannel('UPDATE', channel);
      return ok(channel);
    }),
    route('DELETE', '/channels/:channelId', (ctx) => {
      const channel = world.channels.get(ctx.params.channelId ?? '');
      if (!channel) return unknownChannel();
      world.channels.delete(String(channel.id));
      world.guildOfChannel(String(channel.id))?.channelIds.delete(String(channel.id));
      echoChannel('DELETE', channel);
      return ok(channel);
    }),
    route('POST', '/channels/:channelId/messages', (ctx) => {
      const channelId = ctx.params.channelId ?? '';
      if (!world.channels.has(channelId)) return unknownChannel();
      const body = bodyOf(ctx);
      if (!body.content && !ctx.call.files.length && !(Array.isArray(body.embeds) && body.embeds.length) && !body.poll && !(Array.isArray(body.components) && body.components.length) && !body.sticker_ids) {
        return error(400, 50006, 'Cannot send an empty message');
      }
      // Discord's rule: with enforce_nonce, a nonce the same author used in the same channel within
      // the last few minutes returns that message instead of creating another.
      const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined;
      if (nonce !== undefined && nonce.length > 25) return invalidForm('nonce', 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      if (nonce !== undefined && body.enforce_nonce === true) {
        const existing = world.recentMessageWithNonce(channelId, String(world.bot.id), nonce, NONCE_WINDOW_MS);
        if (existing) return ok(existing);
      }
      const message = world.createMessage({ channelId, body, files: ctx.call.files });
      echoMessage('MESSAGE_CREATE', message);
      return ok(message);
    }),
    route('GET', '/channels/:channelId/messages/:messageId', (ctx) => {
      const message = world.messages.get(ctx.params.messageId ?? '');
      return message && message.channel_id === ctx.params.channelId ? ok(message) : unknownMessage();
    }),
    route('PATCH', '/channels/:channelId/messages/:messageId', (ctx) => {
      const current = world.messages.get(ctx.params.messageId ?? '');
      if (!current || current.channel_id !== ctx.params.channelId) return unknownMessage();
      const message = world.editMessage(String(current.id), bodyOf(ctx), ctx.call.files) as Json;
      echoMessage('MESSAGE_UPDATE', message);
      return ok(message);
    }),
    route('DELETE', '/channels/:channelId/messages/:messageId', (ctx) => {
      const message = world.messages.get(ctx.params.messageId ?? '');
      if (!message || message.channel_id !== ctx.params.channelId) return unknownMessage();
      world.messages.delete(String(message.id));
      return noContent();
    }),
    route('POST', '/channels/:channelId/threads', (ctx) => createThread(ctx)),
    route('POST', '/channels/:channelId/messages/:messageId/threads', (ctx) => createThread(ctx, ctx.params.messageId)),
    route('PUT', '/channels/:channelId/thread-members/:userId', (ctx) => (world.channels.has(ctx.params.channelId ?? '') ? noContent() : unknownChannel())),
    route('PUT', '/channels/:channelId/permissions/:overwriteId', (ctx) => {
      const channel = world.channels.get(ctx.params.channelId ?? '');
      if (!channel) return unknownChannel();
      const body = bodyOf(ctx);
      const overwrites = ((channel.permission_overwrites ?? []) as Json[]).filter((o) => o.id !== ctx.params.overwriteId);
      overwrites.push({ id: ctx.params.overwriteId, type: Number(body.type ?? 0), allow: String(body.allow ?? '0'), deny: String(body.deny ?? '0') });
      channel.permission_overwrites = overwrites;
      echoChannel('UPDATE', channel);
      return noContent();
    }),
    route('DELETE', '/channels/:channelId/permissions/:overwriteId', (ctx) => {
      const channel = world.channels.get(ctx.params.channelId ?? '');
      if (!channel) return unknownChannel();
      channel.permission_overwrites = ((channel.permission_overwrites ?? []) as Json[]).filter((o) => o.id !== ctx.params.overwriteId);
      echoChannel('UPDATE', channel);
      return noContent();
    }),

    route('GET', '/guilds/:guildId', (ctx) => {
      if (!world.guilds.has(ctx.params.guildId ?? '')) return unknownGuild();
      const { members: _m, channels: _c, threads: _t, presences: _p, voice_states: _v, ...guild } = world.guildCreatePayload(ctx.params.guildId ?? '');
      return ok(guild);
    }),
    // Guild scheduled events (an EXTERNAL event, entity_type 3, needs a location and an end time).
    route('GET', '/guilds/:guildId/scheduled-events', (ctx) => {
      if (!world.guilds.has(ctx.params.guildId ?? '')) return unknownGuild();
      return ok([...scheduledEvents.values()].filter((e) => e.guild_id === ctx.params.guildId));
    }),
    route('POST', '/guilds/:guildId/scheduled-events', (ctx) => {
      const guildId = ctx.params.guildId ?? '';
      if (!world.guilds.has(guildId)) return unknownGuild();
      const body = bodyOf(ctx);
      if (typeof body.name !== 'string' || body.name.length === 0) return invalidForm('name', 'BASE_TYPE_REQUIRED', 'This field is required');
      if (typeof body.scheduled_start_time !== 'string') return invalidForm('scheduled_start_time', 'BASE_TYPE_REQUIRED', 'This field is required');
      if (Number(body.entity_type) === 3 && (typeof body.scheduled_end_time !== 'string' || typeof (body.entity_metadata as Json | undefined)?.location !== 'string')) {
        return invalidForm('entity_metadata', 'GUILD_SCHEDULED_EVENT_REQUIRES_LOCATION', 'An external event needs a location and an end time');
      }
      const event: Json = {
        id: nextSnowflake(),
        guild_id: guildId,
        channel_id: body.channel_id ?? null,
        creator_id: world.bot.id,
        name: body.name,
        description: body.description ?? null,
        scheduled_start_time: body.scheduled_start_time,
        scheduled_end_time: body.scheduled_end_time ?? null,
        privacy_level: Number(body.privacy_level ?? 2),
        status: 1,
        entity_type: Number(body.entity_type),
        entity_id: null,
        entity_metadata: body.entity_metadata ?? null,
        creator: world.bot,
        user_count: 0,
        image: null,
      };
      scheduledEvents.set(String(event.id), event);
      return ok(event);
    }),
    route('PATCH', '/guilds/:guildId/scheduled-events/:eventId', (ctx) => {
      const event = scheduledEvents.get(ctx.params.eventId ?? '');
      if (!event || event.guild_id !== ctx.params.guildId) return error(404, 10070, 'Unknown Guild Scheduled Event');
      const body = bodyOf(ctx);
      // Only a scheduled event can be cancelled; a cancelled or finished one can no longer change.
      if (event.status !== 1) return error(400, 180000, 'Cannot update a guild scheduled event that is not scheduled');
      for (const key of ['name', 'description', 'scheduled_start_time', 'scheduled_end_time', 'entity_metadata', 'status']) {
        if (key in body) event[key] = body[key];
      }
      return ok(event);
    }),
    route('DELETE', '/guilds/:guildId/scheduled-events/:eventId', (ctx) => {
      const event = scheduledEvents.get(ctx.params.eventId ?? '');
      if (!event || event.guild_id !== ctx.params.guildId) return error(404, 10070, 'Unknown Guild Scheduled Event');
      scheduledEvents.delete(String(event.id));
      return noContent();
    }),
    route('GET', '/guilds/:guildId/channels', (ctx) => {
      const guild = world.guilds.get(ctx.params.guildId ?? '');
      if (!guild) return unknownGuild();
      return ok([...guild.channelIds].map((id) => world.channels.get(id)).filter((c) => c !== undefined && !isThread(c)));
    }),
    route('POST', '/guilds/:guildId/channels', (ctx) => {
      const guildId = ctx.params.guildId ?? '';
      if (!world.guilds.has(guildId)) return unknownGuild();
      const body = bodyOf(ctx);
      if (typeof body.name !== 'string' || body.name.length === 0) return invalidForm('name', 'BASE_TYPE_REQUIRED', 'This field is required');
      const parentId = body.parent_id == null ? null : String(body.parent_id);
      if (parentId !== null && world.channels.get(parentId)?.type !== ChannelTypes.GuildCategory) {
        return invalidForm('parent_id', 'CHANNEL_PARENT_INVALID_TYPE', 'Not a category');
      }
      const channel = world.addChannel(guildId, {
        name: body.name,
        type: Number(body.type ?? ChannelTypes.GuildText),
        parentId,
        topic: typeof body.topic === 'string' ? body.topic : null,
        position: Number(body.position ?? 0),
        permissionOverwrites: ((body.permission_overwrites ?? []) as Json[]).map((o) => ({
          id: String(o.id),
          type: Number(o.type ?? 0),
          allow: String(o.allow ?? '0'),
          deny: String(o.deny ?? '0'),
        })),
      });
      echoChannel('CREATE', channel);
      return ok(channel, 201);
    }),
    route('GET', '/guilds/:guildId/roles', (ctx) => {
      const guild = world.guilds.get(ctx.params.guildId ?? '');
      return guild ? ok([...guild.roles.values()]) : unknownGuild();
    }),
    route('GET', '/guilds/:guildId/members/:userId', (ctx) => {
      if (!world.guilds.has(ctx.params.guildId ?? '')) return unknownGuild();
      const member = world.member(ctx.params.guildId ?? '', ctx.params.userId ?? '');
      return member ? ok(member) : error(404, 10007, 'Unknown Member');
    }),
    route('PUT', '/guilds/:guildId/members/:userId/roles/:roleId', (ctx) => memberRole(ctx, 'add')),
    route('DELETE', '/guilds/:guildId/members/:userId/roles/:roleId', (ctx) => memberRole(ctx, 'remove')),
  ];

  function memberRole(ctx: RouteContext, change: 'add' | 'remove'): RestReply {
    const guild = world.guilds.get(ctx.params.guildId ?? '');
    if (!guild) return unknownGuild();
    const member = guild.members.get(ctx.params.userId ?? '');
    if (!member) return error(404, 10007, 'Unknown Member');
    const roleId = ctx.params.roleId ?? '';
    if (!guild.roles.has(roleId)) return error(404, 10011, 'Unknown Role');
    member.roles = change === 'add' ? [...new Set([...member.roles, roleId])] : member.roles.filter((r) => r !== roleId);
    gateway.dispatchIfIntended(IntentBits.GuildMembers, 'GUILD_MEMBER_UPDATE', { guild_id: guild.id, ...member });
    return noContent();
  }
}

/** A fresh interaction token, shaped like Discord's (long, opaque, URL-safe). */
export function interactionToken(): string {
  // Real tokens are long base64url strings; no characters that would need escaping in a URL path.
  return `aW50ZXJhY3Rpb246${Buffer.from(nextSnowflake()).toString('base64url')}${createHash('sha256').update(nextSnowflake()).digest('base64url')}`;
}
