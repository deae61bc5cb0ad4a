/**
 * Discord's gateway (API v10, JSON encoding, no compression) as @discordjs/ws 1.2 drives it.
 * Facts checked against @discordjs/ws 1.2.3 and discord.js 14.28.1 source:
 *  - the shard opens `${url}?v=10&encoding=json`, where url is `GET /gateway/bot`'s `url` for a
 *    fresh session and READY's `resume_gateway_url` when it has a session to resume; no
 *    `compress` parameter unless the optional `zlib-sync` package is installed (it is not here);
 *  - the server speaks first with HELLO (op 10, `heartbeat_interval`); the client waits a random
 *    fraction of the interval, then sends HEARTBEAT (op 1, `d` = last sequence) every interval
 *    and treats a missing HEARTBEAT_ACK (op 11) before the next beat as a zombie connection;
 *  - it then sends IDENTIFY (op 2: token, intents, properties, shard, compress) or, with a
 *    stored session, RESUME (op 6: token, session_id, seq);
 *  - dispatches are op 0 with `t` and a per-session sequence `s`; READY carries session_id and
 *    resume_gateway_url; with the Guilds intent discord.js waits for one GUILD_CREATE per guild
 *    READY listed as unavailable before it emits `clientReady`;
 *  - after RESUME the server replays every dispatch with `s` above the client's `seq`, then
 *    dispatches RESUMED;
 *  - close code 4000 (unknown error) makes the shard wait 500 ms and RESUME; 1000 makes it
 *    re-IDENTIFY; 4004 (authentication failed) is fatal. Op 7 RECONNECT asks for a resume and
 *    op 9 INVALID_SESSION with `d: false` forces a fresh IDENTIFY.
 */
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Json } from './fixtures.ts';
import { Signal } from './waiters.ts';
import type { DiscordWorld } from './world.ts';

/** Gateway opcodes (discord-api-types `GatewayOpcodes`). */
export const GatewayOp = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** GatewayIntentBits the fake consults when deciding what to send. */
export const IntentBits = { Guilds: 1 << 0, GuildMembers: 1 << 1, GuildMessages: 1 << 9, DirectMessages: 1 << 12 } as const;

export const GATEWAY_PATH = '/gateway';
export const RESUME_PATH = '/resume';

export interface GatewayConnection {
  id: number;
  /** `/gateway` for a fresh connect, `/resume` when the client used resume_gateway_url. */
  path: string;
  /** The query the client connected with, e.g. `{ v: '10', encoding: 'json' }`. */
  query: Record<string, string>;
  openedAt: number;
  closedAt?: number;
  closeCode?: number;
}

export interface IdentifyRecord {
  connectionId: number;
  intents: number;
  shard: [number, number] | undefined;
  properties: Json;
  /** Whether the token matched the fake's `token` option (true when none was configured). */
  tokenAccepted: boolean;
  /** The whole `d` with the token replaced by `[redacted]`. */
  payload: Json;
}

export interface ResumeRecord {
  connectionId: number;
  sessionId: string;
  seq: number;
  /** How many missed dispatches were replayed before RESUMED. */
  replayed: number;
  /** False when the session was unknown and the client got INVALID_SESSION instead. */
  accepted: boolean;
}

export interface SentDispatch {
  sessionId: string;
  s: number;
  t: string;
  d: unknown;
  /** Sent on a live connection (false: buffered while disconnected, sent on resume). */
  delivered: boolean;
}

export interface ReceivedFrame {
  connectionId: number;
  op: number;
  /** `d` with any token replaced by `[redacted]`. */
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  events: SentDispatch[];
  socket: WebSocket | undefined;
  intents: number;
}

export interface GatewayOptions {
  world: DiscordWorld;
  heartbeatIntervalMs: number;
  token: string | undefined;
  /** e.g. ws://127.0.0.1:PORT; the fake serves /gateway and /resume under it. */
  origin: () => string;
  log: (line: string) => void;
}

export class FakeGateway {
  readonly connections: GatewayConnection[] = [];
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly dispatches: SentDispatch[] = [];
  readonly received: ReceivedFrame[] = [];
  heartbeats = 0;
  readyCount = 0;
  resumedCount = 0;
  private readonly sessions = new Map<string, Session>();
  private current: Session | undefined;
  private readonly sockets = new Map<WebSocket, GatewayConnection>();
  private readonly wss = new WebSocketServer({ noServer: true });
  readonly signal = new Signal();

  constructor(private readonly options: GatewayOptions) {}

  get gatewayUrl(): string {
    return `${this.options.origin()}${GATEWAY_PATH}`;
  }

  get resumeUrl(): string {
    return `${this.options.origin()}${RESUME_PATH}`;
  }

  /** The session new dispatches go to (the most recently identified one). */
  get sessionId(): string | undefined {
    return this.current?.id;
  }

  get sequence(): number {
    return this.current?.seq ?? 0;
  }

  /** True while the current session has a live, authenticated connection. */
  get connected(): boolean {
    return this.current?.socket !== undefined;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== GATEWAY_PATH && url.pathname !== RESUME_PATH) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url));
  }

  private onConnection(ws: WebSocket, url: URL): void {
    const connection: GatewayConnection = {
      id: this.connections.length + 1,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      openedAt: Date.now(),
    };
    this.connections.push(connection);
    this.sockets.set(ws, connection);
    this.options.log(`gateway: connection ${connection.id} on ${url.pathname}${url.search}`);
    ws.on('message', (data, isBinary) => this.onFrame(ws, connection, data, isBinary));
    ws.on('close', (code) => {
      connection.closedAt = Date.now();
      connection.closeCode = code;
      this.sockets.delete(ws);
      for (const session of this.sessions.values()) if (session.socket === ws) session.socket = undefined;
      this.options.log(`gateway: connection ${connection.id} closed ${code}`);
      this.signal.notify();
    });
    this.send(ws, { op: GatewayOp.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
    this.signal.notify();
  }

  private onFrame(ws: WebSocket, connection: GatewayConnection, data: RawData, isBinary: boolean): void {
    if (isBinary) return; // encoding=json without compression: the client only sends text frames.
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(data.toString()) as { op?: unknown; d?: unknown };
    } catch {
      ws.close(4002, 'Error while decoding payload.');
      return;
    }
    const op = typeof frame.op === 'number' ? frame.op : -1;
    const d = (frame.d ?? null) as unknown;
    this.received.push({ connectionId: connection.id, op, d: redactToken(d) });
    switch (op) {
      case GatewayOp.Heartbeat:
        this.heartbeats += 1;
        this.send(ws, { op: GatewayOp.HeartbeatAck });
        break;
      case GatewayOp.Identify:
        this.onIdentify(ws, connection, (d ?? {}) as Json);
        break;
      case GatewayOp.Resume:
        this.onResume(ws, connection, (d ?? {}) as Json);
        break;
      case GatewayOp.RequestGuildMembers:
        this.onRequestGuildMembers((d ?? {}) as Json);
        break;
      case GatewayOp.PresenceUpdate:
      case GatewayOp.VoiceStateUpdate:
        // Recorded in `received`; Discord sends nothing back to the sender for these.
        break;
      default:
        ws.close(4001, 'Unknown opcode.');
    }
    this.signal.notify();
  }

  private tokenAccepted(token: unknown): boolean {
    return this.options.token === undefined || token === this.options.token;
  }

  private onIdentify(ws: WebSocket, connection: GatewayConnection, d: Json): void {
    const intents = typeof d.intents === 'number' ? d.intents : 0;
    const tokenAccepted = this.tokenAccepted(d.token);
    this.identifies.push({
      connectionId: connection.id,
      intents,
      shard: Array.isArray(d.shard) ? (d.shard as [number, number]) : undefined,
      properties: (d.properties ?? {}) as Json,
      tokenAccepted,
      payload: redactToken(d) as Json,
    });
    if (!tokenAccepted) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    const session: Session = { id: randomUUID().replaceAll('-', ''), seq: 0, events: [], socket: ws, intents };
    this.sessions.set(session.id, session);
    this.current = session;
    const world = this.options.world;
    const ready: Json = {
      v: 10,
      user: { ...world.bot, verified: true, mfa_enabled: false, email: null, flags: 0 },
      guilds: [...world.guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.resumeUrl,
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['local'],
      application: { id: world.application.id, flags: world.application.flags },
      _trace: ['["council-bot-harness",{"micros":0}]'],
    };
    if (Array.isArray(d.shard)) ready.shard = d.shard;
    this.emit(session, 'READY', ready);
    this.readyCount += 1;
    // Without the Guilds intent Discord never sends GUILD_CREATE, and discord.js does not wait.
    if (intents & IntentBits.Guilds) {
      for (const guildId of world.guilds.keys()) this.emit(session, 'GUILD_CREATE', world.guildCreatePayload(guildId));
    }
  }

  private onResume(ws: WebSocket, connection: GatewayConnection, d: Json): void {
    const sessionId = String(d.session_id ?? '');
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    const session = this.sessions.get(sessionId);
    if (!session || !this.tokenAccepted(d.token)) {
      this.resumes.push({ connectionId: connection.id, sessionId, seq, replayed: 0, accepted: false });
      this.send(ws, { op: GatewayOp.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.socket && session.socket !== ws) session.socket.close(4000, 'Session resumed elsewhere');
    session.socket = ws;
    const missed = session.events.filter((event) => event.s > seq);
    for (const event of missed) {
      this.send(ws, { op: GatewayOp.Dispatch, t: event.t, s: event.s, d: event.d });
      event.delivered = true;
    }
    this.resumes.push({ connectionId: connection.id, sessionId, seq, replayed: missed.length, accepted: true });
    // RESUMED takes a sequence number like any dispatch but is not itself replayable.
    session.seq += 1;
    this.send(ws, { op: GatewayOp.Dispatch, t: 'RESUMED', s: session.seq, d: { _trace: ['["council-bot-harness",{"micros":0}]'] } });
    this.resumedCount += 1;
  }

  /** Answers op 8 from the fixtures in one GUILD_MEMBERS_CHUNK, as Discord does for small guilds. */
  private onRequestGuildMembers(d: Json): void {
    const session = this.current;
    const guildIds = Array.isArray(d.guild_id) ? (d.guild_id as string[]) : [String(d.guild_id)];
    if (!session) return;
    for (const guildId of guildIds) {
      const guild = this.options.world.guilds.get(guildId);
      if (!guild) continue;
      const wanted = Array.isArray(d.user_ids) ? new Set((d.user_ids as string[]).map(String)) : typeof d.user_ids === 'string' ? new Set([d.user_ids]) : undefined;
      const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
      const limit = typeof d.limit === 'number' && d.limit > 0 ? d.limit : Number.POSITIVE_INFINITY;
      const members = [...guild.members.values()]
        .filter((m) => (wanted ? wanted.has(m.user.id) : m.user.username.toLowerCase().startsWith(query)))
        .slice(0, limit);
      const chunk: Json = { guild_id: guildId, members, chunk_index: 0, chunk_count: 1 };
      if (wanted) chunk.not_found = [...wanted].filter((id) => !guild.members.has(id));
      if (d.nonce !== undefined) chunk.nonce = d.nonce;
      this.emit(session, 'GUILD_MEMBERS_CHUNK', chunk);
    }
  }

  /**
   * Dispatches an event on the current session with the next sequence number. While the client
   * is disconnected it is buffered and replayed when the client resumes, like Discord does.
   */
  dispatch(event: string, data: unknown): SentDispatch {
    const session = this.current;
    if (!session) throw new Error(`cannot dispatch ${event}: no client has identified with the fake gateway yet`);
    const sent = this.emit(session, event, data);
    this.signal.notify();
    return sent;
  }

  /** Dispatches only if the current session's intents include `intent` (how Discord filters). */
  dispatchIfIntended(intent: number, event: string, data: unknown): void {
    if (this.current && this.current.intents & intent) this.dispatch(event, data);
  }

  private emit(session: Session, t: string, d: unknown): SentDispatch {
    session.seq += 1;
    const sent: SentDispatch = { sessionId: session.id, s: session.seq, t, d, delivered: false };
    session.events.push(sent);
    this.dispatches.push(sent);
    if (session.socket) {
      this.send(session.socket, { op: GatewayOp.Dispatch, t, s: session.seq, d });
      sent.delivered = true;
    }
    return sent;
  }

  /** Closes the live connection with `code`; 4000 is resumable, 1000 forces a new IDENTIFY. */
  async dropConnection(code = 4000, reason = 'Harness dropped the connection'): Promise<void> {
    const socket = this.current?.socket;
    if (!socket) throw new Error('dropConnection: no live gateway connection');
    if (this.current) this.current.socket = undefined;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.close(code, reason);
    });
  }

  /** Sends op 7 RECONNECT; the client closes and resumes on resume_gateway_url. */
  requestReconnect(): void {
    const socket = this.current?.socket;
    if (!socket) throw new Error('requestReconnect: no live gateway connection');
    this.send(socket, { op: GatewayOp.Reconnect, d: null, s: null, t: null });
  }

  /** Sends op 9 INVALID_SESSION; with `resumable` false the client must identify again. */
  invalidateSession(resumable = false): void {
    const session = this.current;
    if (!session?.socket) throw new Error('invalidateSession: no live gateway connection');
    const socket = session.socket;
    if (!resumable) {
      this.sessions.delete(session.id);
      this.current = undefined;
    }
    this.send(socket, { op: GatewayOp.InvalidSession, d: resumable, s: null, t: null });
  }

  private send(ws: WebSocket, payload: Json): void {
    if (ws.readyState !== ws.OPEN) return;
    if (payload.op !== GatewayOp.HeartbeatAck) this.options.log(`gateway -> ${JSON.stringify(payload).slice(0, 300)}`);
    ws.send(JSON.stringify(payload));
  }

  waitForReady(count: number, timeoutMs: number): Promise<void> {
    return this.signal.wait(() => (this.readyCount >= count ? true : undefined), timeoutMs, () => `READY #${count} (sent ${this.readyCount})`).then(() => undefined);
  }

  waitForResume(count: number, timeoutMs: number): Promise<ResumeRecord> {
    return this.signal.wait(
      () => (this.resumedCount >= count ? this.resumes.filter((r) => r.accepted)[count - 1] : undefined),
      timeoutMs,
      () => `RESUMED #${count} (sent ${this.resumedCount})`,
    );
  }

  async close(): Promise<void> {
    this.signal.abortAll('the fake gateway closed');
    for (const ws of this.sockets.keys()) ws.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

function redactToken(d: unknown): unknown {
  if (d && typeof d === 'object' && !Array.isArray(d) && 'token' in d) return { ...(d as Json), token: '[redacted]' };
  return d;
}
