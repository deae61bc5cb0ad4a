/**
 * Default answers of the fake Web API: plausible, documented success shapes, with just enough
 * state (created channels, issued message ts, opened views) that an app can chain calls the way
 * it would against Slack (create a channel, then invite to / set the topic of that id).
 * Errors are only modelled where Slack documents them and an adapter is likely to branch on them.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  DEFAULT_APP_ID,
  DEFAULT_BOT_ID,
  DEFAULT_BOT_USER_ID,
  DEFAULT_TEAM_DOMAIN,
  DEFAULT_TEAM_ID,
  slackTs,
} from './payloads.ts';

export type TokenType = 'bot' | 'user' | 'app' | 'other' | 'none';

/** What a response handler sees of a call. */
export interface IncomingCall {
  method: string;
  args: Record<string, unknown>;
  tokenType: TokenType;
  hasAuthorization: boolean;
}

export interface SlackUser {
  id: string;
  team_id: string;
  name: string;
  deleted: boolean;
  real_name: string;
  tz: string;
  tz_label: string;
  tz_offset: number;
  is_bot: boolean;
  is_admin: boolean;
  profile: { real_name: string; display_name: string; email?: string } & Record<string, unknown>;
  [key: string]: unknown;
}

export interface WorkspaceOptions {
  teamId?: string;
  teamDomain?: string;
  appId?: string;
  botUserId?: string;
  botId?: string;
  /** Seed users; unspecified fields are derived from the id. */
  users?: Record<string, Partial<SlackUser>>;
}

const TIME_ZONES = ['Europe/Paris', 'America/New_York', 'Europe/London', 'America/Los_Angeles', 'Asia/Tokyo', 'UTC'];

function hashIndex(id: string, modulo: number): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) % modulo;
}

/** Offset (seconds east of UTC) and long name of a zone at `at`, the way Slack reports them. */
function zoneInfo(tz: string, at = new Date()): { offset: number; label: string } {
  const offsetName =
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetName);
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
  const label =
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? tz;
  return { offset, label };
}

interface Channel {
  id: string;
  name: string;
  is_channel: boolean;
  is_group: boolean;
  is_im: boolean;
  is_mpim: boolean;
  is_private: boolean;
  is_archived: boolean;
  is_general: boolean;
  is_member: boolean;
  created: number;
  creator: string;
  topic: { value: string; creator: string; last_set: number };
  purpose: { value: string; creator: string; last_set: number };
  members: string[];
  user?: string;
}

export class FakeWorkspace {
  readonly teamId: string;
  readonly teamDomain: string;
  readonly appId: string;
  readonly botUserId: string;
  readonly botId: string;
  private readonly users = new Map<string, Partial<SlackUser>>();
  private readonly channels = new Map<string, Channel>();
  /** Messages the app posted, per (resolved) channel id, oldest first, as conversations.history serves them. */
  private readonly history = new Map<string, Record<string, unknown>[]>();
  private idCounter = 0;

  constructor(o: WorkspaceOptions = {}) {
    this.teamId = o.teamId ?? DEFAULT_TEAM_ID;
    this.teamDomain = o.teamDomain ?? DEFAULT_TEAM_DOMAIN;
    this.appId = o.appId ?? DEFAULT_APP_ID;
    this.botUserId = o.botUserId ?? DEFAULT_BOT_USER_ID;
    this.botId = o.botId ?? DEFAULT_BOT_ID;
    for (const [id, u] of Object.entries(o.users ?? {})) this.users.set(id, u);
  }

  setUser(id: string, user: Partial<SlackUser>): void {
    this.users.set(id, { ...this.users.get(id), ...user });
  }

  /** A user derived from the id (stable across runs), overlaid with any seeded fields. */
  user(id: string): SlackUser {
    const seeded = this.users.get(id) ?? {};
    const suffix = id.replace(/^[UW]0?/, '');
    const realName = `Member ${suffix.charAt(0)}${suffix.slice(1).toLowerCase()}`;
    const tz = seeded.tz ?? TIME_ZONES[hashIndex(id, TIME_ZONES.length)] ?? 'UTC';
    const zone = zoneInfo(tz);
    const real = seeded.real_name ?? realName;
    return {
      id,
      team_id: this.teamId,
      name: id.toLowerCase(),
      deleted: false,
      real_name: real,
      tz,
      tz_label: zone.label,
      tz_offset: zone.offset,
      is_bot: id === this.botUserId,
      is_admin: false,
      ...seeded,
      profile: {
        real_name: real,
        display_name: real.toLowerCase().replace(/\s+/g, '.'),
        ...(seeded.profile ?? {}),
      },
    };
  }

  private nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}0${String(this.idCounter).padStart(4, '0')}${randomBytes(2).toString('hex').toUpperCase()}`;
  }

  private channel(id: string): Channel {
    const existing = this.channels.get(id);
    if (existing) return existing;
    const now = Math.floor(Date.now() / 1000);
    const isIm = id.startsWith('D');
    return {
      id,
      name: isIm ? '' : `channel-${id.toLowerCase()}`,
      is_channel: id.startsWith('C'),
      is_group: id.startsWith('G'),
      is_im: isIm,
      is_mpim: false,
      is_private: id.startsWith('G'),
      is_archived: false,
      is_general: false,
      is_member: true,
      created: now,
      creator: this.botUserId,
      topic: { value: '', creator: '', last_set: 0 },
      purpose: { value: '', creator: '', last_set: 0 },
      members: [this.botUserId],
    };
  }

  /** DM / MPIM id for a set of users; the same users always get the same conversation. */
  private dmFor(users: string[]): Channel {
    const key = [...users].sort().join(',');
    for (const c of this.channels.values()) {
      if ((c.is_im || c.is_mpim) && [...c.members].filter((m) => m !== this.botUserId).sort().join(',') === key) return c;
    }
    const isMpim = users.length > 1;
    const ch: Channel = { ...this.channel(this.nextId(isMpim ? 'G' : 'D')), is_im: !isMpim, is_mpim: isMpim, name: '' };
    ch.members = [this.botUserId, ...users];
    if (!isMpim) ch.user = users[0] as string;
    this.channels.set(ch.id, ch);
    return ch;
  }

  private resolveChannel(channel: string): string {
    // Posting to a user id opens (or reuses) the DM with that user, as chat.postMessage does.
    return /^[UW]/.test(channel) ? this.dmFor([channel]).id : channel;
  }

  private message(call: IncomingCall, channel: string, ts: string) {
    const a = call.args;
    return {
      type: 'message',
      user: this.botUserId,
      bot_id: this.botId,
      app_id: this.appId,
      team: this.teamId,
      ts,
      text: typeof a.text === 'string' ? a.text : '',
      ...(a.blocks !== undefined ? { blocks: a.blocks } : {}),
      ...(a.attachments !== undefined ? { attachments: a.attachments } : {}),
      ...(a.thread_ts !== undefined ? { thread_ts: a.thread_ts } : {}),
      ...(a.metadata !== undefined ? { metadata: a.metadata } : {}),
      channel,
    };
  }

  /** The messages posted to `channel` (a user id means the DM with that user), oldest first. */
  messagesIn(channel: string): Record<string, unknown>[] {
    return [...(this.history.get(this.resolveChannel(channel)) ?? [])];
  }

  private remember(channel: string, message: Record<string, unknown>): void {
    this.history.set(channel, [...(this.history.get(channel) ?? []), message]);
  }

  /**
   * conversations.history as documented: newest first, `oldest`/`latest` bounds (exclusive unless
   * `inclusive`), `limit` (default 100) with `has_more`; a message's metadata only with
   * `include_all_metadata`.
   */
  private conversationHistory(a: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof a.channel === 'string' ? a.channel : '';
    if (!channel) return { ok: false, error: 'channel_not_found' };
    const flag = (v: unknown) => v === true || v === 'true' || v === '1' || v === 1;
    const inclusive = flag(a.inclusive);
    const oldest = Number(a.oldest ?? 0);
    const latest = a.latest !== undefined ? Number(a.latest) : Number.POSITIVE_INFINITY;
    const limit = Math.min(Math.max(Number(a.limit ?? 100) || 100, 1), 999);
    const inRange = (ts: number) => (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest);
    const matching = (this.history.get(channel) ?? []).filter((m) => inRange(Number(m.ts))).reverse();
    const page = matching.slice(0, limit).map((m) => {
      const { channel: _channel, metadata, ...rest } = m;
      return flag(a.include_all_metadata) && metadata !== undefined ? { ...rest, metadata } : rest;
    });
    return { ok: true, messages: page, has_more: matching.length > limit, pin_count: 0, response_metadata: { next_cursor: '' } };
  }

  private view(call: IncomingCall, previous?: Record<string, unknown>) {
    const v = (call.args.view ?? {}) as Record<string, unknown>;
    const id = (call.args.view_id as string | undefined) ?? (previous?.id as string | undefined) ?? this.nextId('V');
    return {
      id,
      team_id: this.teamId,
      type: v.type ?? 'modal',
      title: v.title ?? null,
      submit: v.submit ?? null,
      close: v.close ?? null,
      blocks: v.blocks ?? [],
      private_metadata: v.private_metadata ?? '',
      callback_id: v.callback_id ?? '',
      external_id: v.external_id ?? call.args.external_id ?? '',
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      clear_on_close: v.clear_on_close ?? false,
      notify_on_close: v.notify_on_close ?? false,
      root_view_id: id,
      previous_view_id: null,
      app_id: this.appId,
      app_installed_team_id: this.teamId,
      bot_id: this.botId,
    };
  }

  /** Where files.getUploadURLExternal points uploads (set by the server once it listens). */
  uploadOrigin = 'http://127.0.0.1';
  /** Files announced by files.getUploadURLExternal, then filled by the upload and shared by completeUploadExternal. */
  readonly files = new Map<string, { filename: string; length: number; content?: string; channel?: string; title?: string }>();

  /** Returns the documented success body for `call.method`, or undefined when unknown. */
  respond(call: IncomingCall, socketModeUrl: (() => string) | undefined): Record<string, unknown> | undefined {
    const a = call.args;
    const str = (k: string): string | undefined => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
    const now = Math.floor(Date.now() / 1000);
    switch (call.method) {
      // files.uploadV2, step 1: a file id and the URL to send its bytes to.
      case 'files.getUploadURLExternal': {
        const filename = str('filename');
        const length = Number(a.length);
        if (!filename || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
        const id = this.nextId('F');
        this.files.set(id, { filename, length });
        return { ok: true, upload_url: `${this.uploadOrigin}/upload/${id}`, file_id: id };
      }
      // Step 3: the uploaded files are shared to the channel.
      case 'files.completeUploadExternal': {
        const files = a.files as { id?: string; title?: string }[] | undefined;
        if (!Array.isArray(files) || files.length === 0) return { ok: false, error: 'invalid_arguments' };
        const channel = str('channel_id') ?? str('channels');
        const shared = [];
        for (const f of files) {
          const file = f.id ? this.files.get(f.id) : undefined;
          if (!file || file.content === undefined) return { ok: false, error: 'file_not_found' };
          file.channel = channel;
          file.title = f.title ?? file.filename;
          shared.push({ id: f.id, name: file.filename, title: file.title, size: file.length, channels: channel ? [channel] : [] });
        }
        // Slack shows shared files in the channel as the bot's message carrying them.
        if (channel) {
          const resolved = this.resolveChannel(channel);
          const text = str('initial_comment') ?? '';
          this.remember(resolved, { type: 'message', user: this.botUserId, bot_id: this.botId, app_id: this.appId, team: this.teamId, ts: slackTs(), text, upload: true, files: shared, channel: resolved });
        }
        return { ok: true, files: shared };
      }
      case 'api.test':
        return { ok: true, args: a };
      case 'auth.test':
        return {
          ok: true,
          url: `https://${this.teamDomain}.slack.com/`,
          team: 'Council Test',
          user: 'council-bot',
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: this.botId,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        const channel = str('channel');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (a.text === undefined && a.blocks === undefined && a.attachments === undefined) {
          return { ok: false, error: 'no_text' };
        }
        const metadata = a.metadata as { event_type?: unknown; event_payload?: unknown } | undefined;
        if (metadata !== undefined && (typeof metadata !== 'object' || typeof metadata.event_type !== 'string' || typeof metadata.event_payload !== 'object')) {
          return { ok: false, error: 'invalid_metadata_format' };
        }
        const resolved = this.resolveChannel(channel);
        const ts = slackTs();
        const message = this.message(call, resolved, ts);
        this.remember(resolved, message);
        return { ok: true, channel: resolved, ts, message };
      }
      case 'chat.postEphemeral': {
        if (!str('channel')) return { ok: false, error: 'channel_not_found' };
        if (!str('user')) return { ok: false, error: 'user_not_in_channel' };
        return { ok: true, message_ts: slackTs() };
      }
      case 'chat.update': {
        const channel = str('channel');
        const ts = str('ts');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (!ts) return { ok: false, error: 'message_not_found' };
        const updated = this.message(call, channel, ts);
        this.history.set(channel, (this.history.get(channel) ?? []).map((m) => (m.ts === ts ? { ...m, ...updated, metadata: updated.metadata ?? m.metadata } : m)));
        return { ok: true, channel, ts, text: str('text') ?? '', message: updated };
      }
      case 'chat.delete': {
        const channel = str('channel');
        const ts = str('ts');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (!ts) return { ok: false, error: 'message_not_found' };
        this.history.set(channel, (this.history.get(channel) ?? []).filter((m) => m.ts !== ts));
        return { ok: true, channel, ts };
      }
      case 'views.open':
      case 'views.push':
        if (!str('trigger_id') && !str('interactivity_pointer')) return { ok: false, error: 'invalid_arguments' };
        return { ok: true, view: this.view(call) };
      case 'views.update':
        if (!str('view_id') && !str('external_id')) return { ok: false, error: 'invalid_arguments' };
        return { ok: true, view: this.view(call) };
      case 'views.publish': {
        if (!str('user_id')) return { ok: false, error: 'invalid_arguments' };
        return { ok: true, view: { ...this.view(call), type: 'home' } };
      }
      case 'conversations.create': {
        const name = str('name') ?? '';
        // Documented rule: lowercase letters, numbers, hyphens and underscores, at most 80 chars.
        if (name === '') return { ok: false, error: 'invalid_name_required' };
        if (name.length > 80) return { ok: false, error: 'invalid_name_maxlength' };
        if (!/^[\p{Ll}\p{Lo}\p{N}_-]+$/u.test(name)) return { ok: false, error: 'invalid_name_specials' };
        if ([...this.channels.values()].some((c) => c.name === name)) return { ok: false, error: 'name_taken' };
        const isPrivate = a.is_private === true || a.is_private === 'true';
        const ch: Channel = {
          ...this.channel(this.nextId(isPrivate ? 'G' : 'C')),
          name,
          is_channel: !isPrivate,
          is_group: isPrivate,
          is_private: isPrivate,
          created: now,
        };
        this.channels.set(ch.id, ch);
        return { ok: true, channel: ch };
      }
      case 'conversations.invite': {
        const channel = str('channel');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const ch = this.channel(channel);
        const users = (str('users') ?? '').split(',').filter(Boolean);
        if (users.length === 0) return { ok: false, error: 'no_user' };
        if (users.every((u) => ch.members.includes(u))) return { ok: false, error: 'already_in_channel' };
        ch.members = [...new Set([...ch.members, ...users])];
        this.channels.set(ch.id, ch);
        return { ok: true, channel: ch };
      }
      case 'conversations.setTopic': {
        const channel = str('channel');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const ch = this.channel(channel);
        ch.topic = { value: str('topic') ?? '', creator: this.botUserId, last_set: now };
        this.channels.set(ch.id, ch);
        return { ok: true, channel: ch };
      }
      case 'conversations.history':
        return this.conversationHistory(a);
      case 'conversations.info':
      case 'conversations.join': {
        const channel = str('channel');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const ch = this.channel(channel);
        if (call.method === 'conversations.join') this.channels.set(ch.id, ch);
        return { ok: true, channel: ch };
      }
      case 'conversations.open':
      case 'im.open': {
        const existing = str('channel');
        if (existing) return { ok: true, channel: this.channel(existing) };
        const users = (str('users') ?? str('user') ?? '').split(',').filter(Boolean);
        if (users.length === 0) return { ok: false, error: 'users_list_not_supplied' };
        const ch = this.dmFor(users);
        return { ok: true, no_op: false, already_open: false, channel: { id: ch.id } };
      }
      case 'users.info': {
        const user = str('user');
        if (!user || !/^[UW][A-Z0-9]+$/.test(user)) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: this.user(user) };
      }
      case 'apps.connections.open': {
        // The socket-mode client treats invalid_auth as unrecoverable, so a test that forgot to
        // attach a Socket Mode server fails at app.start() instead of retrying for minutes.
        if (!socketModeUrl) {
          return { ok: false, error: 'invalid_auth', detail: 'no Socket Mode server attached to the fake Web API' };
        }
        return { ok: true, url: socketModeUrl() };
      }
      default:
        return undefined;
    }
  }
}
