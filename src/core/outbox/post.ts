import type { Reply } from "../../render/reply.ts";
import type { Clock } from "../shared/clock.ts";
import type { Stores } from "../shared/unit-of-work.ts";

/**
 * Writes a post to a channel into the outbox of the unit of work that makes the change, so the
 * two commit together; the outbox worker sends it. `cause` defaults to the change's audit event.
 */
export const postToChannel = (stores: Stores, clock: Clock, channelId: string, reply: Reply, cause?: string): Promise<string> =>
  stores.outbox.enqueue({ target: { kind: "channel", id: channelId }, reply, cause: cause ?? null }, clock.now());

/** The same for a direct message to one person (by external id). */
export const postToPerson = (stores: Stores, clock: Clock, externalId: string, reply: Reply, cause?: string): Promise<string> =>
  stores.outbox.enqueue({ target: { kind: "person", id: externalId }, reply, cause: cause ?? null }, clock.now());
