/**
 * Builders for the payloads Slack sends TO an app. The same objects travel over both transports:
 * over HTTP they are form-encoded (slash commands) or wrapped in a `payload=` form field
 * (interactivity) or sent as JSON (Events API); over Socket Mode they are the `payload` of an
 * envelope. Shapes follow Slack's documented examples (docs.slack.dev "Implementing slash
 * commands", "block_actions payload", "View interaction payloads", "Shortcuts payloads",
 * "Event object") and Bolt's own types (SlashCommand, BlockAction, ViewSubmitAction, ...).
 */
import { randomBytes } from 'node:crypto';

export const DEFAULT_TEAM_ID = 'T0COUNCIL';
export const DEFAULT_TEAM_DOMAIN = 'council-test';
export const DEFAULT_APP_ID = 'A0COUNCIL';
export const DEFAULT_USER_ID = 'U0ALICE';
export const DEFAULT_CHANNEL_ID = 'C0GENERAL';
export const DEFAULT_BOT_USER_ID = 'U0COUNCILBOT';
export const DEFAULT_BOT_ID = 'B0COUNCILBOT';
/** Slack still sends the deprecated verification token in every payload; Bolt ignores it. */
export const LEGACY_VERIFICATION_TOKEN = 'legacy-verification-token';

let tsCounter = 0;

/** A Slack-style timestamp ("1700000000.000123"), unique within the process and increasing. */
export function slackTs(at: Date = new Date()): string {
  tsCounter = (tsCounter + 1) % 1_000_000;
  const seconds = Math.floor(at.getTime() / 1000);
  return `${seconds}.${String(tsCounter).padStart(6, '0')}`;
}

/** Trigger ids look like "1234567890123.1234567890.abcdef...", valid for 3 s on real Slack. */
export function newTriggerId(): string {
  const digits = (n: number): string => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
  return `${digits(13)}.${digits(10)}.${randomBytes(16).toString('hex')}`;
}

export interface Actor {
  userId?: string;
  userName?: string;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
}

function actor(a: Actor) {
  const userId = a.userId ?? DEFAULT_USER_ID;
  return {
    userId,
    userName: a.userName ?? userId.toLowerCase(),
    teamId: a.teamId ?? DEFAULT_TEAM_ID,
    teamDomain: a.teamDomain ?? DEFAULT_TEAM_DOMAIN,
    apiAppId: a.apiAppId ?? DEFAULT_APP_ID,
  };
}

/* ------------------------------------------------------------------ slash commands */

export interface SlashCommandOptions extends Actor {
  command?: string;
  text?: string;
  channelId?: string;
  channelName?: string;
  /** Always present on real Slack; use `webApi.responseUrl(id)` so respond() stays on 127.0.0.1. */
  responseUrl: string;
  triggerId?: string;
}

/** The url-encoded fields of a slash command request. Every value is a string, as on the wire. */
export function slashCommandPayload(o: SlashCommandOptions): Record<string, string> {
  const a = actor(o);
  return {
    token: LEGACY_VERIFICATION_TOKEN,
    team_id: a.teamId,
    team_domain: a.teamDomain,
    channel_id: o.channelId ?? DEFAULT_CHANNEL_ID,
    channel_name: o.channelName ?? 'general',
    user_id: a.userId,
    user_name: a.userName,
    command: o.command ?? '/council',
    text: o.text ?? '',
    api_app_id: a.apiAppId,
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: o.triggerId ?? newTriggerId(),
  };
}

/* ------------------------------------------------------------------ view state values */

/** `view.state.values`: block_id -> action_id -> element state. */
export type StateValues = Record<string, Record<string, { type: string } & Record<string, unknown>>>;

export function plainTextValue(value: string | null): { type: string; value: string | null } {
  return { type: 'plain_text_input', value };
}

export function staticSelectValue(value: string | null, text: string = value ?? '') {
  return {
    type: 'static_select',
    selected_option: value === null ? null : { text: { type: 'plain_text', text, emoji: true }, value },
  };
}

export function usersSelectValue(userId: string | null) {
  return { type: 'users_select', selected_user: userId };
}

/* ------------------------------------------------------------------ views */

export interface ViewOptions {
  id?: string;
  callbackId?: string;
  privateMetadata?: string;
  values?: StateValues;
  blocks?: unknown[];
  title?: string;
  hash?: string;
  teamId?: string;
  apiAppId?: string;
  externalId?: string;
}

/** A modal view object as Slack echoes it back in interaction payloads. */
export function modalView(o: ViewOptions = {}): Record<string, unknown> {
  const id = o.id ?? `V${randomBytes(5).toString('hex').toUpperCase()}`;
  return {
    id,
    team_id: o.teamId ?? DEFAULT_TEAM_ID,
    type: 'modal',
    blocks: o.blocks ?? [],
    private_metadata: o.privateMetadata ?? '',
    callback_id: o.callbackId ?? '',
    state: { values: o.values ?? {} },
    hash: o.hash ?? `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
    title: { type: 'plain_text', text: o.title ?? 'Council', emoji: true },
    clear_on_close: false,
    notify_on_close: false,
    close: { type: 'plain_text', text: 'Cancel', emoji: true },
    submit: { type: 'plain_text', text: 'Submit', emoji: true },
    previous_view_id: null,
    root_view_id: id,
    app_id: o.apiAppId ?? DEFAULT_APP_ID,
    external_id: o.externalId ?? '',
    app_installed_team_id: o.teamId ?? DEFAULT_TEAM_ID,
    bot_id: DEFAULT_BOT_ID,
  };
}

/* ------------------------------------------------------------------ block_actions */

export interface BlockActionOptions extends Actor {
  actionId: string;
  blockId?: string;
  /** Button value. Ignored when `selectedOption` or `action` is given. */
  value?: string;
  buttonText?: string;
  /** Makes the action a `static_select` with this `selected_option`. */
  selectedOption?: { value: string; text?: string };
  /** Full action object override for other element types (overflow, datepicker, ...). */
  action?: Record<string, unknown>;
  channelId?: string;
  channelName?: string;
  /** ts of the message holding the button (message container). */
  messageTs?: string;
  message?: Record<string, unknown>;
  /** Present for message containers; Slack omits it for actions inside modals. */
  responseUrl?: string;
  triggerId?: string;
  /** When given, the action comes from inside this view (container type "view"). */
  view?: Record<string, unknown>;
  state?: StateValues;
}

export function blockActionPayload(o: BlockActionOptions): Record<string, unknown> {
  const a = actor(o);
  const actionTs = slackTs();
  const blockId = o.blockId ?? `${o.actionId}_block`;
  const action: Record<string, unknown> =
    o.action !== undefined
      ? { action_id: o.actionId, block_id: blockId, action_ts: actionTs, ...o.action }
      : o.selectedOption !== undefined
        ? {
            type: 'static_select',
            action_id: o.actionId,
            block_id: blockId,
            selected_option: {
              text: { type: 'plain_text', text: o.selectedOption.text ?? o.selectedOption.value, emoji: true },
              value: o.selectedOption.value,
            },
            placeholder: { type: 'plain_text', text: 'Select an item', emoji: true },
            action_ts: actionTs,
          }
        : {
            type: 'button',
            action_id: o.actionId,
            block_id: blockId,
            text: { type: 'plain_text', text: o.buttonText ?? o.actionId, emoji: true },
            value: o.value ?? '',
            action_ts: actionTs,
          };

  const base: Record<string, unknown> = {
    type: 'block_actions',
    user: { id: a.userId, username: a.userName, name: a.userName, team_id: a.teamId },
    api_app_id: a.apiAppId,
    token: LEGACY_VERIFICATION_TOKEN,
    trigger_id: o.triggerId ?? newTriggerId(),
    team: { id: a.teamId, domain: a.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    state: { values: o.state ?? {} },
    actions: [action],
  };

  if (o.view !== undefined) {
    const view = o.view;
    base.container = { type: 'view', view_id: view.id };
    base.view = view;
  } else {
    const channelId = o.channelId ?? DEFAULT_CHANNEL_ID;
    const messageTs = o.messageTs ?? slackTs();
    base.container = { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false };
    base.channel = { id: channelId, name: o.channelName ?? 'general' };
    base.message = o.message ?? {
      type: 'message',
      user: DEFAULT_BOT_USER_ID,
      bot_id: DEFAULT_BOT_ID,
      ts: messageTs,
      text: 'message with buttons',
      blocks: [],
    };
  }
  if (o.responseUrl !== undefined) base.response_url = o.responseUrl;
  return base;
}

/* ------------------------------------------------------------------ view_submission */

export interface ViewSubmissionOptions extends Actor, Omit<ViewOptions, 'teamId' | 'apiAppId'> {
  callbackId: string;
  triggerId?: string;
  /** Only present when an input uses response_url_enabled. */
  responseUrls?: Array<{ block_id: string; action_id: string; channel_id: string; response_url: string }>;
  /** A full view object to submit instead of building one from the fields above. */
  view?: Record<string, unknown>;
}

export function viewSubmissionPayload(o: ViewSubmissionOptions): Record<string, unknown> {
  const a = actor(o);
  const view =
    o.view ??
    modalView({
      ...(o.id !== undefined ? { id: o.id } : {}),
      callbackId: o.callbackId,
      ...(o.privateMetadata !== undefined ? { privateMetadata: o.privateMetadata } : {}),
      ...(o.values !== undefined ? { values: o.values } : {}),
      ...(o.blocks !== undefined ? { blocks: o.blocks } : {}),
      ...(o.title !== undefined ? { title: o.title } : {}),
      ...(o.hash !== undefined ? { hash: o.hash } : {}),
      ...(o.externalId !== undefined ? { externalId: o.externalId } : {}),
      teamId: a.teamId,
      apiAppId: a.apiAppId,
    });
  return {
    type: 'view_submission',
    team: { id: a.teamId, domain: a.teamDomain },
    user: { id: a.userId, username: a.userName, name: a.userName, team_id: a.teamId },
    api_app_id: a.apiAppId,
    token: LEGACY_VERIFICATION_TOKEN,
    trigger_id: o.triggerId ?? newTriggerId(),
    view,
    response_urls: o.responseUrls ?? [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/* ------------------------------------------------------------------ shortcuts */

export interface ShortcutOptions extends Actor {
  callbackId: string;
  triggerId?: string;
}

/** Global shortcut: no channel and no response_url (documented). */
export function shortcutPayload(o: ShortcutOptions): Record<string, unknown> {
  const a = actor(o);
  return {
    type: 'shortcut',
    token: LEGACY_VERIFICATION_TOKEN,
    action_ts: slackTs(),
    team: { id: a.teamId, domain: a.teamDomain },
    user: { id: a.userId, username: a.userName, team_id: a.teamId },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: o.callbackId,
    trigger_id: o.triggerId ?? newTriggerId(),
  };
}

export interface MessageShortcutOptions extends ShortcutOptions {
  channelId?: string;
  channelName?: string;
  responseUrl: string;
  message: { text: string; ts?: string; user?: string } & Record<string, unknown>;
}

/** Message shortcut (`message_action`): carries the message, its channel and a response_url. */
export function messageShortcutPayload(o: MessageShortcutOptions): Record<string, unknown> {
  const a = actor(o);
  const ts = o.message.ts ?? slackTs();
  return {
    type: 'message_action',
    token: LEGACY_VERIFICATION_TOKEN,
    action_ts: slackTs(),
    team: { id: a.teamId, domain: a.teamDomain },
    user: { id: a.userId, username: a.userName, name: a.userName, team_id: a.teamId },
    channel: { id: o.channelId ?? DEFAULT_CHANNEL_ID, name: o.channelName ?? 'general' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: o.callbackId,
    trigger_id: o.triggerId ?? newTriggerId(),
    response_url: o.responseUrl,
    message_ts: ts,
    message: { type: 'message', user: o.message.user ?? a.userId, team: a.teamId, ...o.message, ts },
  };
}

/* ------------------------------------------------------------------ Events API */

export interface EventCallbackOptions {
  /** The inner event, e.g. `{ type: 'app_mention', user, text, channel, ts }`. `event_ts` is filled in. */
  event: { type: string } & Record<string, unknown>;
  teamId?: string;
  apiAppId?: string;
  eventId?: string;
  eventTime?: number;
  /** The installation the event is delivered for (Bolt reads the team id from here). */
  botUserId?: string;
}

export function eventCallbackPayload(o: EventCallbackOptions): Record<string, unknown> {
  const teamId = o.teamId ?? DEFAULT_TEAM_ID;
  const eventTs = typeof o.event.ts === 'string' ? o.event.ts : slackTs();
  return {
    token: LEGACY_VERIFICATION_TOKEN,
    team_id: teamId,
    api_app_id: o.apiAppId ?? DEFAULT_APP_ID,
    event: { event_ts: eventTs, ...o.event },
    type: 'event_callback',
    event_id: o.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: o.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: o.botUserId ?? DEFAULT_BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(12).toString('base64url')}`,
  };
}

/** Sent once when a Request URL is configured; the app must echo `challenge`. */
export function urlVerificationPayload(challenge: string): Record<string, unknown> {
  return { token: LEGACY_VERIFICATION_TOKEN, challenge, type: 'url_verification' };
}
