/**
 * The HTTP side of the fake: receives what @discordjs/rest 2.6 sends, records it, applies
 * test-injected 429s and overrides, and dispatches to the Discord routes in rest-routes.ts.
 * Wire facts checked against @discordjs/rest 2.6.3 source:
 *  - URL = `${rest.api}/v${version}${route}${query}` with version 10, so `rest.api` is
 *    `http://127.0.0.1:PORT/api` and requests arrive at `/api/v10/...`;
 *  - `Authorization: Bot <token>` on every request except those made with `auth: false`
 *    (interaction callbacks and interaction-webhook routes); JSON bodies as application/json;
 *  - with files the body is multipart/form-data: `files[0]`, `files[1]`, ... parts (filename
 *    set, content type sniffed) and the JSON body as a `payload_json` field;
 *  - a 429 is retried by the same queue: it reads `Retry-After` (seconds, fractional allowed),
 *    `X-RateLimit-Limit/-Remaining/-Reset-After/-Bucket/-Scope` and `X-RateLimit-Global`; the
 *    JSON body (`message`, `retry_after`, `global`) is what Discord documents but the client
 *    does not need it.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Json } from './fixtures.ts';
import { Signal } from './waiters.ts';
import type { UploadedFile } from './world.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RestCall {
  method: string;
  /** The route without `/api/v10`, percent-decoded, e.g. `/webhooks/1/abc/messages/@original`. */
  path: string;
  /** The version segment the client used (10), or null for an unversioned path. */
  apiVersion: number | null;
  query: Record<string, string>;
  /** Lower-cased request headers; `authorization` keeps only its scheme (`Bot [redacted]`). */
  headers: Record<string, string>;
  /** The auth scheme (`Bot`), or null when the request carried no Authorization header. */
  authScheme: string | null;
  /** Decoded JSON body; for multipart the parsed `payload_json` (or the plain fields). */
  body: unknown;
  files: UploadedFile[];
  encoding: 'json' | 'multipart' | 'empty' | 'other';
  status: number;
  response: unknown;
  /** Answered 429 by `rateLimitNext`; the client retries it, so it is not the accepted call. */
  rateLimited: boolean;
  /** False when no route matched and the fake answered its 404. */
  matched: boolean;
  receivedAt: number;
}

export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  call: RestCall;
  params: Record<string, string>;
}

export interface Route {
  method: HttpMethod;
  pattern: string;
  /** False for routes Discord serves without a bot token (interaction callbacks, webhooks). */
  auth: boolean;
  handle(ctx: RouteContext): RestReply | Promise<RestReply>;
}

export type PathPattern = string | RegExp;

/** Return a reply to override the default answer, or undefined to let the default route answer. */
export type Responder = (call: RestCall, params: Record<string, string>) => RestReply | undefined | Promise<RestReply | undefined>;

interface RateLimitRule {
  method: string;
  pattern: PathPattern;
  retryAfterSeconds: number;
  remaining: number;
  global: boolean;
}

interface Override {
  method: string;
  pattern: PathPattern;
  responder: Responder;
  remaining: number;
}

export interface WaitForCallOptions {
  /** 1-based: resolve with the nth matching call (default 1st), already recorded or future. */
  nth?: number;
  where?: (call: RestCall) => boolean;
  timeoutMs?: number;
  includeRateLimited?: boolean;
}

/** `:name` matches one path segment; everything else is literal (`@me`, `@original`). */
export function matchPath(pattern: PathPattern, path: string): Record<string, string> | undefined {
  if (pattern instanceof RegExp) {
    const m = pattern.exec(path);
    return m ? { ...(m.groups ?? {}) } : undefined;
  }
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      params[w.slice(1)] = g;
    } else if (w !== g) return undefined;
  }
  return params;
}

function methodMatches(want: string, got: string): boolean {
  return want === '*' || want.toUpperCase() === got.toUpperCase();
}

export class RestRecorder {
  readonly calls: RestCall[] = [];
  readonly signal = new Signal();
  private readonly rateLimits: RateLimitRule[] = [];
  private readonly overrides: Override[] = [];

  constructor(
    private readonly routes: Route[],
    private readonly token: string | undefined,
    private readonly log: (line: string) => void,
  ) {}

  callsTo(method: string, pattern: PathPattern, options: { includeRateLimited?: boolean } = {}): RestCall[] {
    return this.calls.filter(
      (c) => methodMatches(method, c.method) && matchPath(pattern, c.path) !== undefined && (options.includeRateLimited || !c.rateLimited),
    );
  }

  waitForCall(method: string, pattern: PathPattern, options: WaitForCallOptions = {}): Promise<RestCall> {
    const nth = options.nth ?? 1;
    return this.signal.wait(
      () => this.callsTo(method, pattern, options).filter((c) => (options.where ? options.where(c) : true))[nth - 1],
      options.timeoutMs ?? 5_000,
      () => `${method} ${String(pattern)} #${nth} (recorded: ${this.calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ') || 'none'})`,
    );
  }

  rateLimitNext(method: string, pattern: PathPattern, retryAfterSeconds: number, options: { times?: number; global?: boolean } = {}): void {
    this.rateLimits.push({ method, pattern, retryAfterSeconds, remaining: options.times ?? 1, global: options.global ?? false });
  }

  respondWith(method: string, pattern: PathPattern, responder: Responder | RestReply, options: { times?: number } = {}): () => void {
    const override: Override = {
      method,
      pattern,
      responder: typeof responder === 'function' ? responder : () => responder,
      remaining: options.times ?? Number.POSITIVE_INFINITY,
    };
    this.overrides.push(override);
    return () => {
      const i = this.overrides.indexOf(override);
      if (i >= 0) this.overrides.splice(i, 1);
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const versioned = /^\/api\/v(\d+)(\/.*)$/.exec(url.pathname);
    const rawPath = versioned ? (versioned[2] ?? '/') : url.pathname.replace(/^\/api/, '');
    // @discordjs/rest percent-encodes route segments (`@original` arrives as `%40original`);
    // decode per segment so recorded paths and patterns read like Discord's documentation.
    const path = rawPath
      .split('/')
      .map((segment) => safeDecode(segment))
      .join('/');
    const raw = await readBody(req);
    const { body, files, encoding } = await decodeBody(raw, req.headers['content-type']);
    const authorization = req.headers.authorization;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const authScheme = authorization ? (authorization.split(' ')[0] ?? '') : null;
    if (authorization) headers.authorization = `${authScheme} [redacted]`;
    const call: RestCall = {
      method: (req.method ?? 'GET').toUpperCase(),
      path,
      apiVersion: versioned ? Number(versioned[1]) : null,
      query: Object.fromEntries(url.searchParams),
      headers,
      authScheme,
      body,
      files,
      encoding,
      status: 0,
      response: undefined,
      rateLimited: false,
      matched: false,
      receivedAt: Date.now(),
    };
    let reply: RestReply;
    try {
      reply = await this.answer(call, authorization);
    } catch (error) {
      // A bug in a route must surface in the test as a 500, not as a hung request.
      reply = { status: 500, body: { message: `harness route failed: ${(error as Error).message}`, code: 0 } };
    }
    call.status = reply.status;
    call.response = reply.body;
    this.calls.push(call);
    this.log(`rest: ${call.method} ${url.pathname}${url.search} -> ${reply.status}`);
    const responseHeaders: Record<string, string> = { ...reply.headers };
    if (reply.body === undefined || reply.status === 204) {
      res.writeHead(reply.status, responseHeaders);
      res.end();
    } else {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...responseHeaders });
      res.end(JSON.stringify(reply.body));
    }
    this.signal.notify();
  }

  private async answer(call: RestCall, authorization: string | undefined): Promise<RestReply> {
    const limit = this.rateLimits.find((r) => methodMatches(r.method, call.method) && matchPath(r.pattern, call.path));
    if (limit) {
      limit.remaining -= 1;
      if (limit.remaining <= 0) this.rateLimits.splice(this.rateLimits.indexOf(limit), 1);
      call.rateLimited = true;
      call.matched = true;
      return rateLimitReply(limit.retryAfterSeconds, limit.global, `${limit.method} ${String(limit.pattern)}`);
    }
    for (const override of this.overrides) {
      if (!methodMatches(override.method, call.method)) continue;
      const params = matchPath(override.pattern, call.path);
      if (!params) continue;
      const reply = await override.responder(call, params);
      if (reply === undefined) continue;
      override.remaining -= 1;
      if (override.remaining <= 0) this.overrides.splice(this.overrides.indexOf(override), 1);
      call.matched = true;
      return reply;
    }
    for (const route of this.routes) {
      if (route.method !== call.method) continue;
      const params = matchPath(route.pattern, call.path);
      if (!params) continue;
      call.matched = true;
      if (route.auth) {
        const [scheme, token] = (authorization ?? '').split(' ');
        if (scheme !== 'Bot' || !token || (this.token !== undefined && token !== this.token)) {
          return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
        }
      }
      return route.handle({ call, params });
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }
}

/** What Discord sends with a per-route ("user" scope) or global 429. */
export function rateLimitReply(retryAfterSeconds: number, global: boolean, bucketKey = 'global'): RestReply {
  const headers: Record<string, string> = {
    'retry-after': String(retryAfterSeconds),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': ((Date.now() + retryAfterSeconds * 1000) / 1000).toFixed(3),
    'x-ratelimit-reset-after': String(retryAfterSeconds),
    // One bucket hash per limited route, so @discordjs/rest never merges unrelated queues.
    'x-ratelimit-bucket': createHash('sha1').update(bucketKey).digest('hex').slice(0, 32),
    'x-ratelimit-scope': global ? 'global' : 'user',
  };
  if (global) headers['x-ratelimit-global'] = 'true';
  return {
    status: 429,
    headers,
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global, ...(global ? { code: 0 } : {}) },
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function decodeBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: UploadedFile[]; encoding: RestCall['encoding'] }> {
  if (raw.length === 0) return { body: undefined, files: [], encoding: 'empty' };
  const type = contentType ?? '';
  if (type.startsWith('application/json')) return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [], encoding: 'json' };
  if (type.startsWith('multipart/form-data')) {
    // Node's fetch Request parses multipart exactly as undici's FormData encoded it.
    const form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    const files: UploadedFile[] = [];
    const fields: Json = {};
    let payload: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') payload = JSON.parse(value) as unknown;
        else fields[field] = value;
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field, name: value.name, contentType: value.type, size: data.length, data });
      }
    }
    return { body: payload ?? fields, files, encoding: 'multipart' };
  }
  return { body: raw.toString('utf8'), files: [], encoding: 'other' };
}

export function createHttpServer(
  recorder: RestRecorder,
  onUpgrade: (req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void,
): Server {
  const server = createServer((req, res) => {
    recorder.handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `harness failed: ${(error as Error).message}`, code: 0 }));
    });
  });
  server.on('upgrade', onUpgrade);
  return server;
}
