import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { presentation } from "../../i18n/presentation.ts";
import type { Locale } from "../../i18n/locale.ts";
import { groupFeed } from "../calendar/meeting-ics.ts";
import { direct, heading, text } from "../../render/build.ts";
import { recordChange } from "../audit/record.ts";
import { findGroup } from "../groups/service.ts";
import type { Clock } from "../shared/clock.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { UnitOfWork } from "../shared/unit-of-work.ts";
import { nameSlug } from "../shared/words.ts";
import { emailAddressSchema } from "./mail.ts";
import { mailTo } from "./send.ts";
import type { NewsletterIssue, NewsletterSubscription } from "./store.ts";

export interface MailServiceDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly timeZone: string;
  /** The language of what a whole group reads (its calendar feed). */
  readonly channelLocale: Locale;
  /** Whether a mail transport is configured: without one, no address is taken. */
  readonly enabled: boolean;
  /** The web front end's public address (PUBLIC_URL), for unsubscribe and calendar links; null without one. */
  readonly publicUrl: () => string | null;
}

const codeLifetimeMs = 24 * 3_600_000;
const hashCode = (personId: string, code: string) => createHash("sha256").update(`${personId}:${code}`).digest("hex");
const token = () => randomBytes(24).toString("base64url");

/** E-mail addresses (confirmed by a code before use), newsletter subscriptions and calendar feed links. */
export class MailService {
  constructor(private readonly deps: MailServiceDeps) {}

  /** `profile set email`: mails a code to the address; the address is used once `verify` confirms it. */
  async setEmail(inv: Invocation, raw: string): Promise<{ address: string }> {
    const address = this.address(inv, raw);
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    await this.deps.uow.run(async (stores) => {
      const now = this.deps.clock.now();
      await stores.mail.setPending(inv.actor.person.id, address, hashCode(inv.actor.person.id, code), new Date(now.getTime() + codeLifetimeMs), now);
      const p = presentation(inv.locale, this.deps.timeZone);
      const body = direct(heading(p.t("mail.confirm.subject")), text(p.t("mail.confirm.body", { code, name: inv.actor.person.displayName })));
      await mailTo(stores, this.deps.clock, address, { subject: p.t("mail.confirm.subject") }, body, `confirm:${inv.actor.person.id}`);
    });
    return { address };
  }

  /** `profile verify <code>`: the pending address becomes the one notices go to. */
  async verify(inv: Invocation, code: string): Promise<{ address: string }> {
    return this.deps.uow.run(async (stores) => {
      const personId = inv.actor.person.id;
      const record = await stores.mail.personEmail(personId);
      if (!record?.pendingAddress || !record.codeHash || !record.codeExpiresAt) refuse("mail.nothing-pending");
      if (record.codeExpiresAt.getTime() < this.deps.clock.now().getTime()) refuse("mail.code-expired", { address: record.pendingAddress });
      const given = Buffer.from(hashCode(personId, code.trim()));
      if (!timingSafeEqual(given, Buffer.from(record.codeHash))) refuse("mail.wrong-code");
      const confirmed = await stores.mail.confirm(personId, this.deps.clock.now());
      await recordChange(stores, this.deps.clock, inv, "person.email-confirmed", { type: "person", id: personId, groupId: null }, { after: {} });
      return { address: confirmed.address! };
    });
  }

  /** `newsletter subscribe <address>`: consent recorded with when and how, and who gave it. */
  async subscribe(inv: Invocation, raw: string): Promise<NewsletterSubscription> {
    const address = this.address(inv, raw);
    if (!this.deps.publicUrl()) notSetUp(inv, "newsletter.no-web");
    return this.deps.uow.run(async (stores) => {
      const subscription = await stores.mail.subscribe({
        workspaceId: inv.workspaceId,
        address,
        token: token(),
        consentAt: this.deps.clock.now(),
        consentVia: `command newsletter subscribe by ${inv.actor.person.externalId}`,
      });
      await recordChange(stores, this.deps.clock, inv, "newsletter.subscribed", { type: "newsletter", id: subscription.id, groupId: null }, { after: {} });
      return subscription;
    });
  }

  /** `newsletter unsubscribe <address>`. */
  async unsubscribe(inv: Invocation, raw: string): Promise<{ address: string }> {
    const address = emailAddressSchema.safeParse(raw);
    if (!address.success) refuse("mail.bad-address", { address: raw });
    return this.deps.uow.run(async (stores) => {
      const found = await stores.mail.subscription(inv.workspaceId, address.data);
      if (!found || found.unsubscribedAt) refuse("newsletter.not-subscribed", { address: address.data });
      await stores.mail.unsubscribe(found.id, this.deps.clock.now(), `command newsletter unsubscribe by ${inv.actor.person.externalId}`);
      await recordChange(stores, this.deps.clock, inv, "newsletter.unsubscribed", { type: "newsletter", id: found.id, groupId: null }, { after: {} });
      return { address: found.address };
    });
  }

  /** The subscription an unsubscribe link names (null for an unknown token), for its confirm page. */
  subscriptionByToken(linkToken: string): Promise<NewsletterSubscription | null> {
    return this.deps.uow.read.mail.subscriptionByToken(linkToken);
  }

  /** An unsubscribe link followed (a form, or a mail client's one-click POST); true when a subscription ended. */
  async unsubscribeByToken(linkToken: string, via: string): Promise<boolean> {
    return this.deps.uow.run(async (stores) => {
      const found = await stores.mail.subscriptionByToken(linkToken);
      if (!found || found.unsubscribedAt) return false;
      await stores.mail.unsubscribe(found.id, this.deps.clock.now(), via);
      return true;
    });
  }

  /** The published newsletters, newest first, for the web archive and its feed. */
  newsletterIssues(limit = 50): Promise<NewsletterIssue[]> {
    return this.deps.uow.read.mail.issues(limit);
  }

  newsletterIssue(id: string): Promise<NewsletterIssue | null> {
    return this.deps.uow.read.mail.issue(id);
  }

  /** `group calendar <group>`: the group's feed URL, for its members (it is the feed's only key). */
  async calendarUrl(inv: Invocation, groupName: string): Promise<{ group: string; url: string }> {
    const base = this.deps.publicUrl();
    if (!base) notSetUp(inv, "calendar.no-web");
    return this.deps.uow.run(async (stores) => {
      const group = await findGroup(stores, inv, groupName);
      const member = (await stores.groups.members(group.id)).some((m) => m.personId === inv.actor.person.id);
      if (!member && !inv.actor.isWorkspaceAdmin) refuse("calendar.members-only", { group: group.name });
      const feedToken = await stores.mail.calendarToken(group.id, token());
      const slug = encodeURIComponent(nameSlug(group.name));
      return { group: group.name, url: `${base}/calendar/${slug}.ics?token=${feedToken}` };
    });
  }

  /** The iCalendar feed a calendar token opens (null for an unknown token): every meeting of the group. */
  async calendarFeed(feedToken: string): Promise<string | null> {
    const stores = this.deps.uow.read;
    const groupId = await stores.mail.groupByCalendarToken(feedToken);
    const group = groupId ? await stores.groups.findById(groupId) : null;
    if (!group) return null;
    const meetings = await stores.meetings.list(group.id);
    const sequences = await stores.mail.calendarSequences(meetings.map((meeting) => meeting.id));
    const entries = meetings.map((meeting) => ({ group, meeting, sequence: sequences.get(meeting.id) ?? 0 }));
    return groupFeed(presentation(this.deps.channelLocale, this.deps.timeZone), this.deps.timeZone, group, entries);
  }

  private address(inv: Invocation, raw: string): string {
    if (!this.deps.enabled) notSetUp(inv, "mail.not-configured");
    const parsed = emailAddressSchema.safeParse(raw);
    if (!parsed.success) refuse("mail.bad-address", { address: raw });
    return parsed.data;
  }
}

/**
 * A part of the bot the server was started without: a workspace admin is told which settings it
 * needs; anyone else, that the bot's administrator can set it up (the settings mean nothing to them).
 */
function notSetUp(inv: Invocation, part: "mail.not-configured" | "newsletter.no-web" | "calendar.no-web"): never {
  refuse(inv.actor.isWorkspaceAdmin ? part : `${part}-member`);
}
