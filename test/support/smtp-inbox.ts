import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

/** One MIME part as received: its headers (lower-case names, unfolded) and its decoded body. */
export interface MimePart {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly parts: MimePart[];
}

export interface ReceivedMail extends MimePart {
  readonly to: string[];
  readonly raw: string;
  /** Every leaf part, depth first. */
  readonly leaves: MimePart[];
  /** The decoded body of the first leaf whose content type starts with `type`. */
  part(type: string): string | undefined;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as non-ASCII subjects and file names arrive. */
const decodeWords = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : decode(text.replace(/_/g, " "), "quoted-printable"),
    );

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const at = line.indexOf(":");
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] ??= decodeWords(line.slice(at + 1).trim());
  }
  return headers;
}

function decode(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding?.toLowerCase() === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
  }
  return body;
}

/** Enough MIME for a test to read what nodemailer wrote: multipart nesting, base64 and quoted-printable. */
export function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split));
  const body = split < 0 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
  if (!boundary) return { headers, body: decode(body, headers["content-transfer-encoding"]), parts: [] };
  const chunks = body.split(`--${boundary}`).slice(1);
  const parts = chunks.filter((c) => !c.startsWith("--")).map((c) => parseMime(c.replace(/^\r?\n/, "").replace(/\r?\n$/, "")));
  return { headers, body: "", parts };
}

const leavesOf = (part: MimePart): MimePart[] => (part.parts.length ? part.parts.flatMap(leavesOf) : [part]);

/**
 * A local SMTP server that keeps what it receives. `failNext` makes the next sends fail with a
 * temporary error (451), as a busy or broken server would.
 */
export async function startSmtpInbox() {
  const mails: ReceivedMail[] = [];
  const waiting: (() => void)[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (failures > 0) {
          failures -= 1;
          return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const parsed = parseMime(raw);
        const leaves = leavesOf(parsed);
        mails.push({
          ...parsed,
          raw,
          leaves,
          to: session.envelope.rcptTo.map((r) => r.address),
          part: (type) => leaves.find((l) => (l.headers["content-type"] ?? "").toLowerCase().startsWith(type))?.body,
        });
        callback();
        for (const wake of waiting.splice(0)) wake();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    failNext(count: number) {
      failures = count;
    },
    /** Waits until a mail to `to` matching `where` has arrived (the test's own timeout bounds it). */
    async next(to: string, where: (mail: ReceivedMail) => boolean = () => true): Promise<ReceivedMail> {
      for (;;) {
        const found = mails.find((m) => m.to.includes(to) && where(m));
        if (found) return found;
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
