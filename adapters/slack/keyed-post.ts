import type { webApi } from "@slack/bolt";
import { z } from "zod";
import type { Logger } from "../../src/core/shared/logger.ts";
import { asRateLimited } from "./rate-limit.ts";

/** The metadata event type of the bot's keyed posts (shown to developers in Slack's tools). */
export const postEventType = "council_post";

/** How far back a resend looks for its earlier parts: the outbox resends within minutes. */
export const historyWindowSeconds = 15 * 60;
export const historyLimit = 100;

const postPayload = z.object({ key: z.string(), part: z.number().int().min(0) });
const historyMessage = z.object({
  ts: z.string().optional(),
  bot_id: z.string().optional(),
  metadata: z.object({ event_type: z.string(), event_payload: z.unknown() }).optional(),
  files: z.array(z.object({ name: z.string() })).optional(),
});
export type PostPayload = z.infer<typeof postPayload>;

/** The message metadata that marks one part of a keyed post. */
export function postMetadata(key: string, part: number): { event_type: string; event_payload: PostPayload } {
  return { event_type: postEventType, event_payload: { key, part } };
}

/** What of a keyed post the channel's recent history already holds. */
export interface AlreadyPosted {
  /** The message parts, by index. */
  readonly parts: ReadonlySet<number>;
  /** Names of files shared after the post's latest part: the post's own attachments, uploaded before a crash. */
  readonly files: ReadonlySet<string>;
}

const nothingPosted: AlreadyPosted = { parts: new Set(), files: new Set() };

/**
 * The parts of the post `key` already in the channel's recent history (the last 15 minutes, at
 * most 100 messages), and the files shared after them: an upload cannot carry metadata, so a file
 * counts as the post's when it follows the post's parts under the same name. When Slack will not
 * show the history (a missing *:history scope, a channel the bot has left), the post goes out
 * anyway: a possible double is better than a lost post.
 */
export async function alreadyPosted(client: webApi.WebClient, channel: string, key: string, logger?: Logger): Promise<AlreadyPosted> {
  const oldest = (Date.now() / 1000 - historyWindowSeconds).toFixed(6);
  let messages: unknown[];
  try {
    const history = await client.conversations.history({ channel, oldest, limit: historyLimit, include_all_metadata: true });
    messages = history.messages ?? [];
  } catch (error) {
    const limited = asRateLimited(error);
    if (limited) throw limited;
    const code = (error as { data?: { error?: string } }).data?.error;
    if (!code) throw error;
    logger?.warn({ source: "slack", code, channel }, "slack history unavailable: keyed post sent without its duplicate check");
    return nothingPosted;
  }
  const parts = new Set<number>();
  let latestPart = Number.NEGATIVE_INFINITY;
  for (const message of messages) {
    const parsed = historyMessage.safeParse(message).data;
    if (parsed?.metadata?.event_type !== postEventType) continue;
    const payload = postPayload.safeParse(parsed.metadata.event_payload);
    if (!payload.success || payload.data.key !== key) continue;
    parts.add(payload.data.part);
    latestPart = Math.max(latestPart, Number(parsed.ts ?? 0));
  }
  const files = new Set<string>();
  for (const message of messages) {
    const parsed = historyMessage.safeParse(message).data;
    if (parts.size > 0 && parsed?.bot_id && Number(parsed.ts ?? 0) > latestPart) for (const file of parsed.files ?? []) files.add(file.name);
  }
  return { parts, files };
}
