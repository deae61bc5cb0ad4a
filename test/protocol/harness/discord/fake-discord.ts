/**
 * `startFakeDiscord()`: one 127.0.0.1 port serving Discord's REST API under `/api` and its
 * gateway under `/gateway` (fresh sessions) and `/resume` (READY's resume_gateway_url), sharing
 * one world so what the bot posts over REST can be clicked over the gateway.
 *
 * Wire a real discord.js Client to it with
 *   new Client({ intents, rest: { api: fake.apiUrl } })   // then client.login('any-token')
 * discord.js asks `GET /api/v10/gateway/bot` for the gateway URL, so nothing else is needed.
 */
import type { AddressInfo } from 'node:net';
import type { APIUser } from 'discord.js';
import { defaultGuildSpec, type ApplicationSpec, type GuildSpec, type Json } from './fixtures.ts';
import {
  FakeGateway,
  type GatewayConnection,
  type IdentifyRecord,
  type ReceivedFrame,
  type ResumeRecord,
  type SentDispatch,
} from './gateway-server.ts';
import {
  InteractionBuilder,
  type AutocompleteSpec,
  type ButtonSpec,
  type ChatInputSpec,
  type MessageCommandSpec,
  type ModalSubmitSpec,
  type StringSelectSpec,
  type UserCommandSpec,
} from './interactions.ts';
import { createRoutes } from './rest-routes.ts';
import {
  RestRecorder,
  createHttpServer,
  type PathPattern,
  type Responder,
  type RestCall,
  type RestReply,
  type WaitForCallOptions,
} from './rest-server.ts';
import { DiscordWorld } from './world.ts';

export interface FakeDiscordOptions {
  /** When set, REST (Bot auth) and IDENTIFY/RESUME must use it; by default any token works. */
  token?: string;
  /** HELLO's heartbeat_interval. Default 1000 ms, so heartbeats happen within a short test. */
  heartbeatIntervalMs?: number;
  application?: ApplicationSpec;
  botUser?: Partial<APIUser>;
  /** Default: one guild, `defaultGuildSpec()` (ids in FIXTURE_IDS). Pass [] for none. */
  guilds?: GuildSpec[];
  /** Print gateway frames and REST calls to stderr; also on with HARNESS_DISCORD_LOGS=1. */
  log?: boolean;
}

/** An interaction as dispatched: the full payload plus the two fields tests use most. */
export interface SentInteraction {
  id: string;
  token: string;
  payload: Json;
}

export interface InteractionCallback {
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data: Json | undefined;
  call: RestCall;
}

export interface FakeDiscord {
  /** For `new Client({ rest: { api: apiUrl } })`: http://127.0.0.1:PORT/api */
  readonly apiUrl: string;
  /** What GET /gateway/bot returns: ws://127.0.0.1:PORT/gateway */
  readonly gatewayUrl: string;
  /** READY's resume_gateway_url: ws://127.0.0.1:PORT/resume */
  readonly resumeGatewayUrl: string;
  readonly world: DiscordWorld;

  // Gateway
  readonly identifies: readonly IdentifyRecord[];
  readonly resumes: readonly ResumeRecord[];
  readonly connections: readonly GatewayConnection[];
  readonly dispatches: readonly SentDispatch[];
  /** Every frame the client sent (tokens redacted). */
  readonly gatewayFrames: readonly ReceivedFrame[];
  readonly identifyCount: number;
  readonly resumeCount: number;
  readonly heartbeatCount: number;
  /** Dispatch `event` with the next sequence number (buffered for replay while disconnected). */
  dispatch(event: string, data: unknown): SentDispatch;
  /** Close the live gateway connection; 4000 (default) is resumable, 1000 forces IDENTIFY. */
  dropConnection(code?: number, reason?: string): Promise<void>;
  requestReconnect(): void;
  invalidateSession(resumable?: boolean): void;
  /** Resolves once READY has been sent `count` times in total (default 1). */
  waitForReady(count?: number, timeoutMs?: number): Promise<void>;
  /** Resolves once RESUMED has been sent `count` times in total (default 1). */
  waitForResume(count?: number, timeoutMs?: number): Promise<ResumeRecord>;

  // Interactions
  /** Registers and dispatches INTERACTION_CREATE for a raw payload (needs id, token, type). */
  sendInteraction(payload: Json): SentInteraction;
  sendChatInput(spec: ChatInputSpec): SentInteraction;
  sendAutocomplete(spec: AutocompleteSpec): SentInteraction;
  sendButton(spec: ButtonSpec): SentInteraction;
  sendStringSelect(spec: StringSelectSpec): SentInteraction;
  sendModalSubmit(spec: ModalSubmitSpec): SentInteraction;
  sendMessageCommand(spec: MessageCommandSpec): SentInteraction;
  sendUserCommand(spec: UserCommandSpec): SentInteraction;
  /** Payload builders without dispatching (same defaults as the send* helpers). */
  readonly build: InteractionBuilder;
  /** Resolves with the (accepted) callback the client POSTed for `interaction`. */
  waitForCallback(interaction: SentInteraction, timeoutMs?: number): Promise<InteractionCallback>;

  // REST
  readonly calls: readonly RestCall[];
  callsTo(method: string, pathPattern: PathPattern, options?: { includeRateLimited?: boolean }): RestCall[];
  waitForCall(method: string, pathPattern: PathPattern, options?: WaitForCallOptions): Promise<RestCall>;
  /** The next `times` (default 1) matching requests get a 429 with `retryAfterSeconds`. */
  rateLimitNext(method: string, pathPattern: PathPattern, retryAfterSeconds: number, options?: { times?: number; global?: boolean }): void;
  /** Override answers for matching requests; returns a function removing the override. */
  respondWith(method: string, pathPattern: PathPattern, responder: Responder | RestReply, options?: { times?: number }): () => void;
  /** Messages the fake holds (sent by the bot or created by builders), oldest first. */
  messagesIn(channelId: string): Json[];

  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const logging = options.log ?? process.env.HARNESS_DISCORD_LOGS === '1';
  const log = (line: string): void => {
    if (logging) process.stderr.write(`[fake-discord] ${line}\n`);
  };
  const world = new DiscordWorld({
    guilds: options.guilds ?? [defaultGuildSpec()],
    ...(options.application ? { application: options.application } : {}),
    ...(options.botUser ? { botUser: options.botUser } : {}),
  });
  let origin = '';
  const gateway = new FakeGateway({
    world,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1_000,
    token: options.token,
    origin: () => origin,
    log,
  });
  const rest = new RestRecorder(createRoutes({ world, gateway }), options.token, log);
  const server = createHttpServer(rest, (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `ws://127.0.0.1:${port}`;
  const builder = new InteractionBuilder(world);

  const sendInteraction = (payload: Json): SentInteraction => {
    const id = String(payload.id);
    const token = String(payload.token);
    world.interactions.set(id, {
      payload,
      id,
      token,
      type: Number(payload.type),
      responseType: undefined,
      originalMessageId: undefined,
    });
    gateway.dispatch('INTERACTION_CREATE', payload);
    return { id, token, payload };
  };

  let closed = false;
  const fake: FakeDiscord = {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gateway.gatewayUrl,
    resumeGatewayUrl: gateway.resumeUrl,
    world,
    identifies: gateway.identifies,
    resumes: gateway.resumes,
    connections: gateway.connections,
    dispatches: gateway.dispatches,
    gatewayFrames: gateway.received,
    get identifyCount() {
      return gateway.identifies.length;
    },
    get resumeCount() {
      return gateway.resumes.length;
    },
    get heartbeatCount() {
      return gateway.heartbeats;
    },
    dispatch: (event, data) => gateway.dispatch(event, data),
    dropConnection: (code, reason) => gateway.dropConnection(code, reason),
    requestReconnect: () => gateway.requestReconnect(),
    invalidateSession: (resumable) => gateway.invalidateSession(resumable),
    waitForReady: (count = 1, timeoutMs = 5_000) => gateway.waitForReady(count, timeoutMs),
    waitForResume: (count = 1, timeoutMs = 5_000) => gateway.waitForResume(count, timeoutMs),

    sendInteraction,
    sendChatInput: (spec) => sendInteraction(builder.chatInput(spec)),
    sendAutocomplete: (spec) => sendInteraction(builder.autocomplete(spec)),
    sendButton: (spec) => sendInteraction(builder.button(spec)),
    sendStringSelect: (spec) => sendInteraction(builder.stringSelect(spec)),
    sendModalSubmit: (spec) => sendInteraction(builder.modalSubmit(spec)),
    sendMessageCommand: (spec) => sendInteraction(builder.messageCommand(spec)),
    sendUserCommand: (spec) => sendInteraction(builder.userCommand(spec)),
    build: builder,
    async waitForCallback(interaction, timeoutMs = 5_000) {
      const call = await rest.waitForCall('POST', `/interactions/${interaction.id}/:token/callback`, {
        timeoutMs,
        where: (c) => c.status < 300,
      });
      const body = (call.body ?? {}) as Json;
      return { type: Number(body.type), data: body.data as Json | undefined, call };
    },

    calls: rest.calls,
    callsTo: (method, pattern, o) => rest.callsTo(method, pattern, o),
    waitForCall: (method, pattern, o) => rest.waitForCall(method, pattern, o),
    rateLimitNext: (method, pattern, seconds, o) => rest.rateLimitNext(method, pattern, seconds, o),
    respondWith: (method, pattern, responder, o) => rest.respondWith(method, pattern, responder, o),
    messagesIn: (channelId) => [...world.messages.values()].filter((m) => m.channel_id === channelId),

    async close() {
      if (closed) return;
      closed = true;
      rest.signal.abortAll('the fake Discord closed');
      await gateway.close();
      // Keep-alive sockets from undici would otherwise hold server.close() open.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
  return fake;
}
