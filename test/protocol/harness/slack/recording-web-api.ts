/**
 * A local stand-in for https://slack.com/api/ that records every Web API call a real
 * @slack/web-api WebClient (inside Bolt) makes, and answers with documented success shapes.
 * It also hosts response_url endpoints, so `respond()` in Bolt listeners stays on 127.0.0.1.
 *
 * Wire format facts this relies on (checked against @slack/web-api 7/8 source):
 *  - every call is `POST {slackApiUrl}{method}`, form-encoded by default; any argument that is
 *    not a string/number/boolean (blocks, view, attachments, metadata) is JSON.stringify-ed
 *    into its field, and booleans/numbers arrive as strings ("true", "3");
 *  - the token travels as `Authorization: Bearer xoxb-...` (and also as a `token` field when
 *    passed per call);
 *  - HTTP 429 with a numeric `Retry-After` makes the client pause its whole queue for that many
 *    seconds and retry (unless rejectRateLimitedCalls is set); any other non-200 is an error.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeWorkspace, type IncomingCall, type SlackUser, type TokenType, type WorkspaceOptions } from './web-api-defaults.ts';

export type { IncomingCall, SlackUser, TokenType, WorkspaceOptions } from './web-api-defaults.ts';

export interface RecordedCall extends IncomingCall {
  /** How the body was encoded on the wire. */
  encoding: 'form' | 'json' | 'multipart' | 'empty';
  /** A `token` field was present in the body (its value is never recorded). */
  tokenInBody: boolean;
  status: number;
  rateLimited: boolean;
  /** The JSON body the fake answered (or will answer, when a delay is pending). */
  response: unknown;
  receivedAt: number;
}

/** A handler may return the body, or the default body's factory result altered. */
export type ResponseHandler = (
  call: IncomingCall,
  defaultResponse: () => Record<string, unknown>,
) => unknown | Promise<unknown>;

export interface SlackWebApiOptions extends WorkspaceOptions {
  /** Answer `not_authed` when a call carries no token at all, as Slack does. Default true. */
  requireAuth?: boolean;
}

export interface SocketModeEndpoint {
  /** A fresh wss-style URL for one connection, as apps.connections.open hands out. */
  connectionUrl(): string;
}

export interface SlackWebApi {
  /** Base URL ending in `/api/`, for Bolt's `clientOptions.slackApiUrl`. */
  readonly url: string;
  readonly origin: string;
  readonly workspace: FakeWorkspace;
  /** Every call in arrival order, rate-limited ones included. */
  readonly calls: readonly RecordedCall[];
  /** Calls to `method`; rate-limited (429) attempts are left out unless asked for. */
  callsTo(method: string, options?: { includeRateLimited?: boolean }): RecordedCall[];
  /** Resolves with the first accepted call matching, already recorded or future. */
  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Replace the answer for `method` until `restoreDefault(method)`. */
  respondWith(method: string, handlerOrJson: ResponseHandler | Record<string, unknown>): void;
  restoreDefault(method: string): void;
  /** The next `times` calls to `method` get HTTP 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(method: string, retryAfterSeconds: number, times?: number): void;
  /** Answer `method` only after `ms` (0 removes the delay). */
  delay(method: string, ms: number): void;
  /** A URL on this server usable as a response_url; bodies POSTed to it are kept under `id`. */
  responseUrl(id: string): string;
  responses(id: string): unknown[];
  waitForResponse(id: string, predicate?: (body: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  attachSocketMode(endpoint: SocketModeEndpoint | undefined): void;
  setUser(id: string, user: Partial<SlackUser>): void;
  /** Forget recorded calls and response_url bodies (state such as created channels stays). */
  reset(): void;
  close(): Promise<void>;
}

/** Argument fields the web client JSON-encodes; decoded so tests can assert on structure. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'user_auth_blocks', 'profile', 'files']);

function tokenTypeOf(token: string | undefined): TokenType {
  if (!token) return 'none';
  if (token.startsWith('xoxb-')) return 'bot';
  if (token.startsWith('xoxp-')) return 'user';
  if (token.startsWith('xapp-')) return 'app';
  return 'other';
}

function decodeJsonFields(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    if (JSON_FIELDS.has(k) && typeof v === 'string') {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // Not JSON after all (e.g. a hand-written string); keep it verbatim so the test sees it.
      }
    }
    out[k] = v;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseArgs(
  req: IncomingMessage,
  raw: Buffer,
): Promise<{ args: Record<string, unknown>; encoding: RecordedCall['encoding'] }> {
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  if (raw.length === 0) return { args: query, encoding: 'empty' };
  if (contentType.startsWith('application/json')) {
    return { args: { ...query, ...(JSON.parse(raw.toString('utf8')) as Record<string, unknown>) }, encoding: 'json' };
  }
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const args: Record<string, unknown> = { ...query };
    form.forEach((value, key) => {
      args[key] = typeof value === 'string' ? value : { filename: value.name, size: value.size };
    });
    return { args, encoding: 'multipart' };
  }
  return { args: { ...query, ...Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) }, encoding: 'form' };
}

interface Waiter<T> {
  match: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export async function startSlackWebApi(options: SlackWebApiOptions = {}): Promise<SlackWebApi> {
  const workspace = new FakeWorkspace(options);
  const requireAuth = options.requireAuth ?? true;
  const calls: RecordedCall[] = [];
  const overrides = new Map<string, ResponseHandler>();
  const rateLimits = new Map<string, { retryAfter: number; remaining: number }>();
  const delays = new Map<string, number>();
  const responseBodies = new Map<string, unknown[]>();
  const callWaiters = new Set<Waiter<RecordedCall>>();
  const responseWaiters = new Set<Waiter<{ id: string; body: unknown }>>();
  const pendingDelays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let socketMode: SocketModeEndpoint | undefined;
  let closed = false;

  const notify = <T>(waiters: Set<Waiter<T>>, item: T): void => {
    for (const w of [...waiters]) {
      if (w.match(item)) {
        clearTimeout(w.timer);
        waiters.delete(w);
        w.resolve(item);
      }
    }
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pendingDelays.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      pendingDelays.add(entry);
    });

  const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    if (res.destroyed || res.writableEnded || res.socket === null || res.socket.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const raw = await readBody(req);
    const { args: parsed, encoding } = await parseArgs(req, raw);
    const authHeader = req.headers.authorization;
    const bearer = typeof authHeader === 'string' ? /^Bearer\s+(.+)$/i.exec(authHeader)?.[1] : undefined;
    const bodyToken = typeof parsed.token === 'string' && parsed.token !== '' ? parsed.token : undefined;
    const { token: _dropped, ...withoutToken } = parsed;
    const args = decodeJsonFields(withoutToken);
    const incoming: IncomingCall = {
      method,
      args,
      hasAuthorization: bearer !== undefined,
      tokenType: tokenTypeOf(bearer ?? bodyToken),
    };

    let status = 200;
    let headers: Record<string, string> = {};
    let response: unknown;
    const limit = rateLimits.get(method);
    if (limit && limit.remaining > 0) {
      limit.remaining -= 1;
      if (limit.remaining === 0) rateLimits.delete(method);
      status = 429;
      headers = { 'retry-after': String(limit.retryAfter) };
      response = { ok: false, error: 'ratelimited' };
    } else if (requireAuth && incoming.tokenType === 'none' && method !== 'api.test') {
      response = { ok: false, error: 'not_authed' };
    } else {
      const fallback = (): Record<string, unknown> =>
        workspace.respond(incoming, socketMode ? () => socketMode!.connectionUrl() : undefined) ?? {
          ok: false,
          error: 'unknown_method',
        };
      const override = overrides.get(method);
      try {
        response = override ? await override(incoming, fallback) : fallback();
      } catch (err) {
        // Answer 200 + ok:false rather than 5xx: the WebClient retries 5xx for a long time,
        // which would turn a broken test handler into a hang instead of a visible error.
        response = { ok: false, error: 'harness_handler_error', detail: String(err) };
      }
    }
    // Snapshot: default answers embed live workspace objects (a channel later gets a topic), and
    // a recorded call must keep showing what was actually sent at the time.
    response = structuredClone(response);

    const call: RecordedCall = {
      ...incoming,
      encoding,
      tokenInBody: bodyToken !== undefined,
      status,
      rateLimited: status === 429,
      response,
      receivedAt: Date.now(),
    };
    calls.push(call);
    if (!call.rateLimited) notify(callWaiters, call);

    const wait = delays.get(method);
    if (wait !== undefined && wait > 0) await sleep(wait);
    sendJson(res, status, response, headers);
  }

  async function handleResponseUrl(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const raw = await readBody(req);
    let body: unknown = raw.toString('utf8');
    try {
      body = JSON.parse(body as string);
    } catch {
      // Slack expects JSON here; keep the raw text so a test can see what was wrongly sent.
    }
    const list = responseBodies.get(id) ?? [];
    list.push(body);
    responseBodies.set(id, list);
    notify(responseWaiters, { id, body });
    sendJson(res, 200, { ok: true });
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const run = async (): Promise<void> => {
      if (path.startsWith('/api/')) return handleApi(req, res, decodeURIComponent(path.slice('/api/'.length)));
      // files.uploadV2, step 2: the bytes go to the upload_url step 1 gave, outside the Web API.
      if (path.startsWith('/upload/') && req.method === 'POST') {
        const id = decodeURIComponent(path.slice('/upload/'.length));
        const file = workspace.files.get(id);
        const raw = await readBody(req);
        if (!file) return sendJson(res, 404, { ok: false, error: 'not_found' });
        // The client sends the bytes as the body (or as a multipart form with one file part).
        const contentType = (req.headers['content-type'] ?? '').toLowerCase();
        let content = raw.toString('utf8');
        if (contentType.startsWith('multipart/form-data')) {
          const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
          const part = [...form.values()][0];
          content = typeof part === 'string' ? part : await part!.text();
        }
        file.content = content;
        const call: RecordedCall = {
          method: 'files.upload.external',
          args: { file_id: id, content },
          hasAuthorization: typeof req.headers.authorization === 'string',
          tokenType: 'none',
          encoding: contentType.startsWith('multipart/form-data') ? 'multipart' : 'form',
          tokenInBody: false,
          status: 200,
          rateLimited: false,
          response: 'OK',
          receivedAt: Date.now(),
        };
        calls.push(call);
        notify(callWaiters, call);
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`OK - ${raw.length}`);
        return;
      }
      if (path.startsWith('/hooks/response/') && req.method === 'POST') {
        return handleResponseUrl(req, res, decodeURIComponent(path.slice('/hooks/response/'.length)));
      }
      sendJson(res, 404, { ok: false, error: 'not_found' });
    };
    run().catch((err: unknown) => {
      // Unparseable body. 200 + ok:false (as Slack does for bad arguments) so the client fails
      // fast instead of retrying a 5xx.
      sendJson(res, 200, { ok: false, error: 'invalid_form_data', detail: String(err) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  workspace.uploadOrigin = origin;

  function waitFor<T>(
    waiters: Set<Waiter<T>>,
    existing: T | undefined,
    match: (item: T) => boolean,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    if (existing !== undefined) return Promise.resolve(existing);
    if (closed) return Promise.reject(new Error('fake Slack Web API is closed'));
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  }

  const api: SlackWebApi = {
    url: `${origin}/api/`,
    origin,
    workspace,
    calls,
    callsTo(method, o = {}) {
      return calls.filter((c) => c.method === method && (o.includeRateLimited || !c.rateLimited));
    },
    waitForCall(method, predicate = () => true, timeoutMs = 2000) {
      const match = (c: RecordedCall): boolean => c.method === method && !c.rateLimited && predicate(c);
      return waitFor(callWaiters, calls.find(match), match, timeoutMs, () => {
        const seen = calls.map((c) => c.method).join(', ') || 'none';
        return `a ${method} call (calls so far: ${seen})`;
      });
    },
    respondWith(method, handlerOrJson) {
      overrides.set(method, typeof handlerOrJson === 'function' ? handlerOrJson : () => handlerOrJson);
    },
    restoreDefault(method) {
      overrides.delete(method);
    },
    rateLimitNext(method, retryAfterSeconds, times = 1) {
      rateLimits.set(method, { retryAfter: retryAfterSeconds, remaining: times });
    },
    delay(method, ms) {
      if (ms > 0) delays.set(method, ms);
      else delays.delete(method);
    },
    responseUrl(id) {
      return `${origin}/hooks/response/${encodeURIComponent(id)}`;
    },
    responses(id) {
      return [...(responseBodies.get(id) ?? [])];
    },
    waitForResponse(id, predicate = () => true, timeoutMs = 2000) {
      const match = (r: { id: string; body: unknown }): boolean => r.id === id && predicate(r.body);
      const existing = (responseBodies.get(id) ?? []).find((body) => predicate(body));
      return waitFor(
        responseWaiters,
        existing === undefined ? undefined : { id, body: existing },
        match,
        timeoutMs,
        () => `a POST to response_url "${id}"`,
      ).then((r) => r.body);
    },
    attachSocketMode(endpoint) {
      socketMode = endpoint;
    },
    setUser(id, user) {
      workspace.setUser(id, user);
    },
    reset() {
      calls.length = 0;
      responseBodies.clear();
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const w of [...callWaiters, ...responseWaiters]) {
        clearTimeout(w.timer);
        w.reject(new Error('fake Slack Web API closed while waiting'));
      }
      callWaiters.clear();
      responseWaiters.clear();
      // Release delayed answers now so their sockets can finish instead of holding close().
      for (const d of pendingDelays) {
        clearTimeout(d.timer);
        d.resolve();
      }
      pendingDelays.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return api;
}
