import { z } from "zod";
import type { Reply } from "../../render/reply.ts";
import { mailEnvelopeSchema } from "../mail/mail.ts";

/**
 * Where an outbox message goes: a channel (the adapter's opaque id), a person (their external id),
 * or an e-mail address (sent through the mail port, with the message's `mail` envelope).
 */
export const outboxTargetSchema = z.object({
  kind: z.enum(["channel", "person", "email"]),
  id: z.string().min(1),
});
export type OutboxTarget = z.infer<typeof outboxTargetSchema>;

// The Reply type is the render model's own; this only checks that stored JSON still has its shape.
const replySchema = z.custom<Reply>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    ["only-you", "channel", "direct"].includes((value as { visibility?: unknown }).visibility as string) &&
    Array.isArray((value as { blocks?: unknown }).blocks),
);

/** What a unit of work asks to be posted; the reply is already rendered in its reader's language. */
export const newOutboxMessageSchema = z.object({
  target: outboxTargetSchema,
  reply: replySchema,
  /** What caused it, for tracing: "audit:<id>", "reminder:<occurrence id>", "digest:<id>". */
  cause: z.string().min(1).nullable().default(null),
  /** An e-mail's subject and headers; null for chat posts. */
  mail: mailEnvelopeSchema.nullable().default(null),
});
export type NewOutboxMessage = z.input<typeof newOutboxMessageSchema>;

/** A stored message as the worker sees it once it has claimed it. */
export const outboxMessageSchema = newOutboxMessageSchema.extend({
  /** Random; also the post's key on the platform, so a resend after a crash is not shown twice. */
  id: z.string().min(1),
  createdAt: z.date(),
  /** Attempts so far, the one under way included. */
  attempts: z.number().int().min(0),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** A message with how it fared, for an operator (and tests) to look at. */
export const outboxRecordSchema = outboxMessageSchema.extend({
  nextAttemptAt: z.date(),
  sentAt: z.date().nullable(),
  failedAt: z.date().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;
