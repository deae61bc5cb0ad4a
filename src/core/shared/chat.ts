import type { Reply } from "../../render/reply.ts";

/** How one post is sent. */
export interface PostOptions {
  /**
   * A stable key for this post (e.g. the outbox message's id). Sending again with the same key, after
   * a crash between sending and recording, must not show the post twice where the platform has the
   * means to prevent it (Discord's nonce, Slack's message metadata).
   */
  readonly key?: string;
}

/** A meeting as the platform's own calendar event (Discord's guild scheduled events). */
export interface ChatEvent {
  readonly name: string;
  readonly description: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** Where: a place, or the remote link. */
  readonly location: string;
}

/**
 * What the core asks of a chat platform. Channel and person ids are the adapter's opaque ids.
 */
export interface ChatPort {
  /** Posts to a channel; resolves once the platform accepted it. */
  post(channelId: string, reply: Reply, options?: PostOptions): Promise<void>;
  /** A direct message to one person (by external id). */
  directMessage(externalId: string, reply: Reply, options?: PostOptions): Promise<void>;
  /**
   * Creates a channel for a group and invites its members; returns the new channel's id.
   * Optional: a platform without it makes the core refuse with `channel.create-unsupported`,
   * telling the user to link an existing channel instead.
   */
  createChannel?(name: string, memberExternalIds: readonly string[]): Promise<string>;
  /**
   * Creates the platform's own event for a meeting, in the workspace of the group's channel, or
   * moves the one with `existingId`; returns its id. Optional, with `cancelEvent`: a platform
   * without events has the meeting in the calendar invitations and feed only.
   */
  scheduleEvent?(channelId: string, event: ChatEvent, existingId: string | null): Promise<string>;
  /** Cancels an event `scheduleEvent` made (one already over or gone is left as it is). */
  cancelEvent?(channelId: string, eventId: string): Promise<void>;
}
