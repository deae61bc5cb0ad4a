/**
 * A local Socket Mode endpoint speaking the protocol the @slack/socket-mode client expects:
 *  1. the client calls apps.connections.open (with the xapp- token) and gets a URL; real Slack
 *     hands out `wss://wss-....slack.com/link/?ticket=...&app_id=...`, here it is `ws://127.0.0.1`
 *     (socket-mode 3.x opens it with undici's WebSocket, which takes ws:// as well; no extra
 *     query such as debug_reconnects is needed);
 *  2. on connect the server sends `{"type":"hello", num_connections, debug_info, connection_info}`
 *     and only then does `client.start()` (and so `app.start()`) resolve;
 *  3. the server pushes envelopes `{envelope_id, type, payload, accepts_response_payload}` with type
 *     `slash_commands`, `interactive` or `events_api`;
 *  4. the client acks with `{envelope_id, payload}` (`payload` is `{}` for a bare `ack()`, or the
 *     object given to `ack(...)`, which Slack only uses when accepts_response_payload is true);
 *  5. the client sends a WebSocket ping every clientPingTimeout/3 ms (5000/3 by default) and drops
 *     the link if pongs stop; `ws` answers pings automatically. `{"type":"disconnect"}` asks the
 *     client to reconnect (it waits clientPingTimeout, 5 s by default, before doing so).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { DEFAULT_APP_ID } from './payloads.ts';
import type { SocketModeEndpoint } from './recording-web-api.ts';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface SocketModeAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface SentEnvelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SendEnvelopeOptions {
  /**
   * Defaults follow Slack: true for slash commands and for view_submission / block_suggestion
   * interactions (their ack body is used), false otherwise.
   */
  acceptsResponsePayload?: boolean;
  /** events_api only: Slack's redelivery counter and reason. */
  retryAttempt?: number;
  retryReason?: string;
  /** Slack gives up after 3 s without an ack; so does this by default. */
  timeoutMs?: number;
}

export interface SocketModeServerOptions {
  /** Registers this server so the fake's apps.connections.open returns its URL. */
  webApi?: { attachSocketMode(endpoint: SocketModeEndpoint | undefined): void };
  appId?: string;
  /** Server-initiated pings like Slack's; off by default so no timer runs between tests. */
  pingIntervalMs?: number;
}

export interface SocketModeServer extends SocketModeEndpoint {
  /** ws://127.0.0.1:PORT/link/?app_id=... (connections may also add a ticket). */
  readonly url: string;
  /** Resolves once a client is connected and has been sent `hello`. */
  connected(timeoutMs?: number): Promise<void>;
  readonly connectionCount: number;
  /** Connections accepted since start, reconnects included. */
  readonly totalConnections: number;
  readonly pingsReceived: number;
  readonly envelopes: readonly SentEnvelope[];
  readonly acks: readonly SocketModeAck[];
  /** Sends an envelope to the most recent connection and resolves with the client's ack. */
  sendEnvelope(type: EnvelopeType, payload: Record<string, unknown>, options?: SendEnvelopeOptions): Promise<SocketModeAck>;
  /** Asks every client to reconnect, like Slack's `disconnect` message. */
  sendDisconnect(reason?: 'refresh_requested' | 'warning' | 'link_disabled'): void;
  close(): Promise<void>;
}

interface PendingAck {
  resolve: (ack: SocketModeAck) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export async function startSocketModeServer(options: SocketModeServerOptions = {}): Promise<SocketModeServer> {
  const appId = options.appId ?? DEFAULT_APP_ID;
  const httpServer = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' });
    res.end('WebSocket upgrade required');
  });
  const wss = new WebSocketServer({ server: httpServer, path: '/link/' });
  const open: WebSocket[] = [];
  const envelopes: SentEnvelope[] = [];
  const acks: SocketModeAck[] = [];
  const pending = new Map<string, PendingAck>();
  const connectedWaiters = new Set<() => void>();
  const pingTimers = new Set<NodeJS.Timeout>();
  let totalConnections = 0;
  let pingsReceived = 0;
  let closed = false;

  wss.on('connection', (ws) => {
    totalConnections += 1;
    open.push(ws);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let msg: unknown;
      try {
        msg = JSON.parse(data.toString());
      } catch {
        // The client only ever sends JSON acks; anything else is noise worth ignoring, not crashing on.
        return;
      }
      if (typeof msg !== 'object' || msg === null || !('envelope_id' in msg)) return;
      const ack = msg as SocketModeAck;
      acks.push(ack);
      const waiter = pending.get(ack.envelope_id);
      if (waiter) {
        clearTimeout(waiter.timer);
        pending.delete(ack.envelope_id);
        waiter.resolve(ack);
      }
    });
    ws.on('ping', () => {
      pingsReceived += 1;
    });
    ws.on('close', () => {
      const i = open.indexOf(ws);
      if (i >= 0) open.splice(i, 1);
    });
    if (options.pingIntervalMs !== undefined && options.pingIntervalMs > 0) {
      const timer = setInterval(() => ws.ping(Buffer.from(`ping from harness ${Date.now()}`)), options.pingIntervalMs);
      pingTimers.add(timer);
      ws.on('close', () => {
        clearInterval(timer);
        pingTimers.delete(timer);
      });
    }
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: open.length,
        debug_info: { host: 'applink-harness-1', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: appId },
      }),
    );
    for (const notify of [...connectedWaiters]) notify();
    connectedWaiters.clear();
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}/link/?app_id=${appId}`;

  const server: SocketModeServer = {
    url,
    connectionUrl() {
      return `ws://127.0.0.1:${port}/link/?ticket=${randomUUID()}&app_id=${appId}`;
    },
    connected(timeoutMs = 2000) {
      if (open.length > 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          connectedWaiters.delete(done);
          reject(new Error(`no Socket Mode client connected within ${timeoutMs} ms`));
        }, timeoutMs);
        connectedWaiters.add(done);
      });
    },
    get connectionCount() {
      return open.length;
    },
    get totalConnections() {
      return totalConnections;
    },
    get pingsReceived() {
      return pingsReceived;
    },
    envelopes,
    acks,
    sendEnvelope(type, payload, o = {}) {
      const ws = open[open.length - 1];
      if (!ws) return Promise.reject(new Error('no Socket Mode client is connected'));
      const acceptsDefault =
        type === 'slash_commands' ||
        (type === 'interactive' && (payload.type === 'view_submission' || payload.type === 'block_suggestion'));
      const envelope: SentEnvelope = {
        envelope_id: randomUUID(),
        type,
        payload,
        accepts_response_payload: o.acceptsResponsePayload ?? acceptsDefault,
        ...(type === 'events_api' ? { retry_attempt: o.retryAttempt ?? 0, retry_reason: o.retryReason ?? '' } : {}),
      };
      const timeoutMs = o.timeoutMs ?? 3000;
      return new Promise<SocketModeAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(envelope.envelope_id);
          reject(new Error(`no ack for ${type} envelope ${envelope.envelope_id} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(envelope.envelope_id, { resolve, reject, timer });
        envelopes.push(envelope);
        ws.send(JSON.stringify(envelope));
      });
    },
    sendDisconnect(reason = 'refresh_requested') {
      for (const ws of open) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-harness-1' } }));
    },
    async close() {
      if (closed) return;
      closed = true;
      options.webApi?.attachSocketMode(undefined);
      for (const timer of pingTimers) clearInterval(timer);
      pingTimers.clear();
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`Socket Mode server closed before envelope ${id} was acked`));
      }
      pending.clear();
      // Close politely first (the client then runs its normal close handshake), and cut off any
      // peer that does not answer within a short grace period so close() never hangs a test.
      await Promise.all(
        [...open].map(
          (ws) =>
            new Promise<void>((resolve) => {
              const force = setTimeout(() => ws.terminate(), 500);
              ws.once('close', () => {
                clearTimeout(force);
                resolve();
              });
              ws.close(1001, 'server shutting down');
            }),
        ),
      );
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
  options.webApi?.attachSocketMode(server);
  return server;
}
