/**
 * Sends requests to a Bolt HTTP receiver exactly as Slack does: signed with the v0 scheme
 * (HMAC-SHA256 over `v0:{timestamp}:{raw body}` keyed by the signing secret, hex digest in
 * `X-Slack-Signature: v0=...`, seconds in `X-Slack-Request-Timestamp`).
 *
 * Encoding, as Slack sends it and as Bolt 5's HTTPReceiver parses it:
 *  - slash commands: `application/x-www-form-urlencoded`, one field per property;
 *  - interactivity (block_actions, view_submission, shortcuts): form-encoded, the JSON object
 *    in a single `payload` field;
 *  - Events API (incl. url_verification): `application/json`.
 * Bolt compares the content-type to `application/x-www-form-urlencoded` with `===`, so no
 * `; charset=` suffix may be added, or the body is parsed as JSON and rejected with 400.
 */
import { createHmac } from 'node:crypto';
import {
  blockActionPayload,
  eventCallbackPayload,
  messageShortcutPayload,
  shortcutPayload,
  slashCommandPayload,
  urlVerificationPayload,
  viewSubmissionPayload,
  type BlockActionOptions,
  type EventCallbackOptions,
  type MessageShortcutOptions,
  type ShortcutOptions,
  type SlashCommandOptions,
  type ViewSubmissionOptions,
} from './payloads.ts';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export interface ReceiverTarget {
  /** e.g. http://127.0.0.1:PORT/slack/events */
  url: string;
  signingSecret: string;
}

export interface SigningOptions {
  /** Sign with a different secret, so the signature is well-formed but wrong. */
  badSignature?: boolean;
  /** Use a timestamp 6 minutes old; Bolt rejects anything older than 5 minutes. */
  staleTimestamp?: boolean;
  /** Explicit X-Slack-Request-Timestamp (unix seconds). */
  timestampSec?: number;
  /** Send the request without the two signature headers. */
  unsigned?: boolean;
  /** Slack's redelivery headers for Events API retries. */
  retryNum?: number;
  retryReason?: string;
  headers?: Record<string, string>;
  /** Client-side abort; Bolt itself answers 404 after ~3 s when no listener acks. */
  timeoutMs?: number;
}

export interface SlackHttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the receiver answered JSON, otherwise the raw text ('' for an empty body). */
  body: unknown;
  text: string;
  elapsedMs: number;
}

export type Send<T> = ReceiverTarget & SigningOptions & T;

export function computeSignature(signingSecret: string, timestampSec: number, rawBody: string): string {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex');
  return `v0=${digest}`;
}

/** POSTs an already-encoded body with Slack's headers and signature. */
export async function postSigned(
  target: ReceiverTarget & SigningOptions,
  rawBody: string,
  contentType: string,
): Promise<SlackHttpResponse> {
  const nowSec = Math.floor(Date.now() / 1000);
  const timestampSec = target.timestampSec ?? (target.staleTimestamp ? nowSec - 6 * 60 : nowSec);
  const secret = target.badSignature ? `${target.signingSecret}-but-wrong` : target.signingSecret;
  const headers: Record<string, string> = {
    'content-type': contentType,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...(target.unsigned
      ? {}
      : {
          'x-slack-request-timestamp': String(timestampSec),
          'x-slack-signature': computeSignature(secret, timestampSec, rawBody),
        }),
    ...(target.retryNum !== undefined ? { 'x-slack-retry-num': String(target.retryNum) } : {}),
    ...(target.retryReason !== undefined ? { 'x-slack-retry-reason': target.retryReason } : {}),
    ...target.headers,
  };
  const started = performance.now();
  const res = await fetch(target.url, {
    method: 'POST',
    headers,
    body: rawBody,
    signal: AbortSignal.timeout(target.timeoutMs ?? 10_000),
  });
  const text = await res.text();
  const elapsedMs = performance.now() - started;
  const responseHeaders: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    responseHeaders[key] = value;
  });
  let body: unknown = text;
  if (text !== '' && (res.headers.get('content-type') ?? '').includes('application/json')) {
    body = JSON.parse(text);
  }
  return { status: res.status, headers: responseHeaders, body, text, elapsedMs };
}

function formEncode(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** Interactivity payloads travel as one url-encoded `payload` field holding JSON. */
export function sendInteractive(
  target: ReceiverTarget & SigningOptions,
  payload: Record<string, unknown>,
): Promise<SlackHttpResponse> {
  return postSigned(target, formEncode({ payload: JSON.stringify(payload) }), FORM_CONTENT_TYPE);
}

export function sendSlashCommand(o: Send<SlashCommandOptions>): Promise<SlackHttpResponse> {
  return postSigned(o, formEncode(slashCommandPayload(o)), FORM_CONTENT_TYPE);
}

/** Button click by default; pass `selectedOption` for a static_select, or `action` for others. */
export function sendBlockAction(o: Send<BlockActionOptions>): Promise<SlackHttpResponse> {
  return sendInteractive(o, blockActionPayload(o));
}

export function sendViewSubmission(o: Send<ViewSubmissionOptions>): Promise<SlackHttpResponse> {
  return sendInteractive(o, viewSubmissionPayload(o));
}

export function sendShortcut(o: Send<ShortcutOptions>): Promise<SlackHttpResponse> {
  return sendInteractive(o, shortcutPayload(o));
}

export function sendMessageShortcut(o: Send<MessageShortcutOptions>): Promise<SlackHttpResponse> {
  return sendInteractive(o, messageShortcutPayload(o));
}

/** Events API: pass `event` to get a full event_callback envelope, or `payload` to send as is. */
export function sendEvent(
  o: Send<EventCallbackOptions | { payload: Record<string, unknown> }>,
): Promise<SlackHttpResponse> {
  const body = 'payload' in o ? o.payload : eventCallbackPayload(o);
  return postSigned(o, JSON.stringify(body), 'application/json');
}

export function sendUrlVerification(o: Send<{ challenge: string }>): Promise<SlackHttpResponse> {
  return postSigned(o, JSON.stringify(urlVerificationPayload(o.challenge)), 'application/json');
}
