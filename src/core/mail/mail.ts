import { z } from "zod";
import type { Reply } from "../../render/reply.ts";

/** An address as people type it: trimmed, lower-cased domain kept as typed (the local part may be case-sensitive). */
export const emailAddressSchema = z.string().trim().max(254).pipe(z.email());

/**
 * What an e-mail needs beyond its body (the neutral Reply, rendered by the mail adapter as text and
 * HTML; its attachments become the mail's, a text/calendar one its invitation).
 */
export const mailEnvelopeSchema = z.object({
  subject: z.string().min(1).max(250),
  /**
   * The newsletter's way out (RFC 2369 List-Unsubscribe, RFC 8058 one-click): an https URL that
   * answers a POST by unsubscribing, and optionally a mailto.
   */
  unsubscribe: z.object({ url: z.url(), mailto: z.string().optional() }).optional(),
});
export type MailEnvelope = z.infer<typeof mailEnvelopeSchema>;

/** How one mail is sent. */
export interface MailOptions {
  /** The outbox message's id: the mail's Message-ID, so a resend after a crash is recognisably the same mail. */
  readonly key?: string;
}

/**
 * What the core asks of an e-mail transport (adapters/mail). Resolves once the server accepted
 * the mail for delivery; rejects on an SMTP error (the outbox retries, then gives it up and logs).
 */
export interface MailPort {
  send(to: string, envelope: MailEnvelope, body: Reply, options?: MailOptions): Promise<void>;
}
