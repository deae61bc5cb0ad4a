import type { Reply } from "../../render/reply.ts";

/**
 * What the core asks of a chat platform. Channel and person ids are the adapter's opaque ids.
 */
export interface ChatPort {
  /** Posts to a channel; resolves once the platform accepted it. */
  post(channelId: string, reply: Reply): Promise<void>;
  /** A direct message to one person (by external id). */
  directMessage(externalId: string, reply: Reply): Promise<void>;
  /**
   * Creates a channel for a group and invites its members; returns the new channel's id.
   * Optional: a platform without it makes the core refuse with `channel.create-unsupported`,
   * telling the user to link an existing channel instead.
   */
  createChannel?(name: string, memberExternalIds: readonly string[]): Promise<string>;
}
