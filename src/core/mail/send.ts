import type { Attachment, Reply } from "../../render/reply.ts";
import type { Group } from "../groups/group.ts";
import type { Clock } from "../shared/clock.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { MailEnvelope } from "./mail.ts";

/**
 * Writes one e-mail into the outbox of the unit of work that makes the change, like a chat post:
 * it commits with the change and the outbox worker sends it, retrying an SMTP failure.
 */
export const mailTo = (stores: Stores, clock: Clock, address: string, envelope: MailEnvelope, body: Reply, cause?: string): Promise<string> =>
  stores.outbox.enqueue({ target: { kind: "email", id: address }, reply: body, mail: envelope, cause: cause ?? null }, clock.now());

/** The subject a post would have as a mail: its heading (or first line), after the group's name. */
export const subjectOf = (group: Pick<Group, "name"> | null, reply: Reply): string => {
  const first = reply.blocks.find((b) => b.type === "heading") ?? reply.blocks.find((b) => b.type === "text");
  const line = (first && "text" in first ? first.text : "").split("\n")[0]!.replace(/[*_`]/g, "").trim();
  const subject = group ? `[${group.name}] ${line}` : line;
  return (subject.length > 200 ? `${subject.slice(0, 199)}…` : subject) || "council-bot";
};

/**
 * Mails a group's post to its members and deputies who have confirmed an address, each a message
 * of their own (one address's failure holds up nobody else's). `extra` attachments go to the mail
 * only (a calendar invitation).
 */
export async function mailGroup(stores: Stores, clock: Clock, group: Group, reply: Reply, extra: readonly Attachment[] = []): Promise<number> {
  const members = await stores.groups.members(group.id);
  const addresses = new Set((await stores.mail.confirmedAddresses(members.map((m) => m.personId))).values());
  if (addresses.size === 0) return 0;
  const body: Reply = { ...reply, attachments: [...(reply.attachments ?? []), ...extra] };
  const envelope = { subject: subjectOf(group, reply) };
  for (const address of addresses) await mailTo(stores, clock, address, envelope, body);
  return addresses.size;
}
