import nodemailer from "nodemailer";
import type { Locale } from "../../src/i18n/locale.ts";
import { translate } from "../../src/i18n/translate.ts";
import type { MailEnvelope, MailOptions, MailPort } from "../../src/core/mail/mail.ts";
import type { Reply } from "../../src/render/reply.ts";
import { renderMail } from "./render.ts";

export interface MailAdapterConfig {
  /** SMTP_URL: smtp://host:port (STARTTLS when offered) or smtps://user:pass@host:465. */
  readonly url: string;
  /** MAIL_FROM: "Name <address>". */
  readonly from: string;
  /** The language of the bot's own lines in a mail (the footer). */
  readonly locale: Locale;
}

export interface MailAdapter extends MailPort {
  close(): void;
}

/** The domain of the sender's address, for Message-IDs. */
const domainOf = (from: string): string => /@([^>\s]+)/.exec(from)?.[1] ?? "council-bot.invalid";

/**
 * E-mail through SMTP with nodemailer: the only importer of nodemailer. One pooled transport; each
 * send resolves when the server accepted the mail, and an SMTP error rejects, so the outbox retries.
 */
export function createMailAdapter(config: MailAdapterConfig): MailAdapter {
  // Short timeouts: a send is held under the outbox's two-minute lease, and a hung server must
  // fail the attempt (to be retried) well within it.
  const transport = nodemailer.createTransport({ url: config.url, pool: true, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 });
  const domain = domainOf(config.from);
  return {
    async send(to: string, envelope: MailEnvelope, body: Reply, options?: MailOptions) {
      const { text, html } = renderMail(body, config.locale, translate(config.locale, "mail.footer"));
      const calendar = body.attachments?.find((a) => a.mimeType.startsWith("text/calendar"));
      const files = (body.attachments ?? []).filter((a) => a !== calendar);
      const method = calendar ? (/method=(\w+)/i.exec(calendar.mimeType)?.[1] ?? "PUBLISH") : undefined;
      await transport.sendMail({
        from: config.from,
        to,
        subject: envelope.subject,
        text,
        html,
        // The outbox message's id: a resend after a crash carries the same Message-ID, which
        // receiving systems use to spot the duplicate.
        ...(options?.key ? { messageId: `<${options.key}@${domain}>` } : {}),
        attachments: files.map((a) => ({ filename: a.filename, content: a.content, contentType: a.mimeType })),
        // An invitation as calendar clients expect it: a text/calendar alternative with its METHOD.
        ...(calendar && method ? { icalEvent: { filename: calendar.filename, method, content: calendar.content } } : {}),
        ...(envelope.unsubscribe
          ? {
              list: { unsubscribe: envelope.unsubscribe.mailto ? [envelope.unsubscribe.url, envelope.unsubscribe.mailto] : envelope.unsubscribe.url },
              // RFC 8058: the List-Unsubscribe URL takes a one-click POST.
              headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
            }
          : {}),
      });
    },
    close: () => transport.close(),
  };
}
