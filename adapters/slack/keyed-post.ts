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
  metadata: z.object({ event_type: z.string(), event_payload: z.unknown() }).optional(),
});
export type PostPayload = z.infer<typeof postPayload>;

/** The message metadata that marks one part of a keyed post. */
export function postMetadata(key: string, part: number): { event_type: string; event_payload: PostPayload } {
  return { event_type: postEventType, event_payload: { key, part } };
}

/**
 * The parts of the post `key` already in the channel's recent history (the last 15 minutes, at
 * most 100 messages). When Slack will not show the history (a missing *:history scope, a channel
 * the bot has left), the post goes out anyway: a possible double is better than a lost post.
 */
export async function partsAlreadyPosted(client: webApi.WebClient, channel: string, key: string, logger?: Logger): Promise<Set<number>> {
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
    return new Set();
  }
  const parts = new Set<number>();
  for (const message of messages) {
    const metadata = historyMessage.safeParse(message).data?.metadata;
    if (metadata?.event_type !== postEventType) continue;
    const payload = postPayload.safeParse(metadata.event_payload);
    if (payload.success && payload.data.key === key) parts.add(payload.data.part);
  }
  return parts;
}
