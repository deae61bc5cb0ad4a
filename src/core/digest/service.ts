import { DateTime } from "luxon";
import type { Locale } from "../../i18n/locale.ts";
import { toChannel } from "../../render/build.ts";
import { recordChange } from "../audit/record.ts";
import { postToChannel } from "../outbox/post.ts";
import { findActiveGroup, requireManager } from "../groups/service.ts";
import { officerRoles } from "../groups/group.ts";
import { nextOccurrence, weekdayOf } from "../reminders/when.ts";
import { readDate } from "../shared/date-words.ts";
import type { SendQueue } from "../reminders/send-queue.ts";
import type { ChatPort } from "../shared/chat.ts";
import type { Clock } from "../shared/clock.ts";
import type { Invocation } from "../shared/invocation.ts";
import type { Logger } from "../shared/logger.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";
import { digestBlocks, toHtml, toMarkdown, type ComposedDigest } from "./export.ts";
import { mailNewsletter } from "../mail/newsletter.ts";
import { newsBodyMaxLength, newsKey, newsTitleMaxLength, splitNews, type NewsItem } from "./news.ts";
import { mergeSections, type DigestPeriod, type DigestSource } from "./source.ts";
import type { DigestScheduleRecord } from "./store.ts";

export interface DigestServiceDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly chat: ChatPort;
  readonly queue: SendQueue;
  readonly sources: readonly DigestSource[];
  readonly channelLocale: Locale;
  readonly logger: Logger;
  /** Whether e-mail is configured: then each published digest goes to the newsletter's subscribers. */
  readonly mailEnabled?: boolean;
  /** The web front end's address, for the newsletter's unsubscribe links; null when it does not run. */
  readonly publicUrl?: () => string | null;
  /** A scheduled digest older than this when it could first be published is skipped (default 24 h). */
  readonly lateLimitMs?: number;
}

export type DigestPeriodKind = "weekly" | "monthly";

const newsSubject = (item: NewsItem) => ({ type: "news", id: item.id, groupId: item.groupId });

/** News items, and the periodic digest: compose, preview, publish, schedule, export. */
export class DigestService {
  constructor(private readonly deps: DigestServiceDeps) {}

  /** `group` is a group name, or "-" for news of the whole workspace. `content` is "<title> -- <text> [link]". */
  async addNews(inv: Invocation, group: string, content: string): Promise<NewsItem> {
    const parts = splitNews(content);
    if (!parts) refuse("news.format");
    return this.saveNews(inv, group, parts.title, parts.body, parts.link);
  }

  /** What a message action ("add to newsletter") on Slack or Discord calls: the message becomes a news item. */
  async addNewsFromMessage(inv: Invocation, text: string, link?: string | null): Promise<NewsItem> {
    const lines = text.trim().split(/\r?\n/);
    const first = (lines[0] ?? "").trim();
    const title = first.length > newsTitleMaxLength ? `${first.slice(0, newsTitleMaxLength - 1)}…` : first;
    const rest = lines.slice(1).join("\n").trim();
    return this.saveNews(inv, "-", title, rest || (first.length > newsTitleMaxLength ? first : ""), link ?? null);
  }

  async listNews(inv: Invocation): Promise<NewsItem[]> {
    return this.deps.uow.read.digest.unpublishedNews(inv.workspaceId);
  }

  async editNews(inv: Invocation, id: string, content: string): Promise<NewsItem> {
    const parts = splitNews(content);
    if (!parts) refuse("news.format");
    validateNews(parts.title, parts.body);
    return this.deps.uow.run(async (stores) => {
      const item = await this.editableNews(stores, inv, id, "news edit");
      const updated = await stores.digest.updateNews(item.id, { title: parts.title, body: parts.body, link: parts.link });
      await recordChange(stores, this.deps.clock, inv, "news.edited", newsSubject(item), {
        before: { title: item.title },
        after: { title: updated.title },
      });
      return updated;
    });
  }

  /** Refuses, before a confirmation is asked, someone who may not remove this news item. */
  async requireNewsEditable(inv: Invocation, id: string): Promise<void> {
    await this.editableNews(this.deps.uow.read, inv, id, "news remove");
  }

  async removeNews(inv: Invocation, id: string): Promise<NewsItem> {
    return this.deps.uow.run(async (stores) => {
      const item = await this.editableNews(stores, inv, id, "news remove");
      const updated = await stores.digest.updateNews(item.id, { removedAt: this.deps.clock.now() });
      await recordChange(stores, this.deps.clock, inv, "news.removed", newsSubject(item), { before: { title: item.title } });
      return updated;
    });
  }

  /** The digest as it would be published now, in the reader's language; nothing is recorded. */
  async preview(inv: Invocation, timeZone: string, since?: string): Promise<ComposedDigest> {
    const period = await this.currentPeriod(this.deps.uow.read, inv.workspaceId, timeZone, inv.locale, null);
    return this.compose(this.deps.uow.read, since ? { ...period, from: readDay(since, timeZone, this.deps.clock.now()) } : period);
  }

  /** Publishes the digest to a channel (a channel id, or a group name meaning its linked channel). */
  async publish(inv: Invocation, channel: string, timeZone: string): Promise<{ digest: ComposedDigest; channelId: string }> {
    const channelId = await this.deps.uow.run(async (stores) => {
      await requireDigestEditor(stores, inv);
      return resolveChannel(stores, inv, channel);
    });
    const period = await this.currentPeriod(this.deps.uow.read, inv.workspaceId, timeZone, this.deps.channelLocale, null);
    const digest = await this.compose(this.deps.uow.read, period);
    if (digest.keys.length === 0) refuse("digest.nothing-new");
    // The digest, its record and its post commit together: published once, and never lost.
    await this.deps.uow.run(async (stores) => {
      await this.publishIn(stores, digest, channelId);
      await recordChange(stores, this.deps.clock, inv, "digest.published", { type: "digest", id: inv.workspaceId, groupId: null }, {
        after: { channel: channelId, items: digest.keys.length },
      });
    });
    return { digest, channelId };
  }

  /** `when` is optional: weekly "<weekday> <time>" (default maanantai 9:00), monthly "<day> <time>" (default 1 10:00). */
  async schedule(inv: Invocation, period: DigestPeriodKind, channel: string, when: string | undefined, timeZone: string): Promise<DigestScheduleRecord> {
    const cron = digestCron(period, when);
    return this.deps.uow.run(async (stores) => {
      await requireDigestEditor(stores, inv);
      const channelId = await resolveChannel(stores, inv, channel);
      const saved = await stores.digest.saveSchedule({
        workspaceId: inv.workspaceId,
        period,
        channelId,
        cron,
        timeZone,
        nextDueAt: nextOccurrence(cron, timeZone, this.deps.clock.now()),
      });
      await recordChange(stores, this.deps.clock, inv, "digest.scheduled", { type: "digest", id: inv.workspaceId, groupId: null }, {
        after: { period, channel: channelId, cron },
      });
      return saved;
    });
  }

  /** Stops the automatic digest; `digest schedule` starts it again. */
  async unschedule(inv: Invocation): Promise<DigestScheduleRecord> {
    return this.deps.uow.run(async (stores) => {
      await requireDigestEditor(stores, inv);
      const stopped = await stores.digest.stopSchedule(inv.workspaceId);
      if (!stopped) refuse("digest.not-scheduled");
      await recordChange(stores, this.deps.clock, inv, "digest.unscheduled", { type: "digest", id: inv.workspaceId, groupId: null }, {
        before: { period: stopped.period, channel: stopped.channelId, cron: stopped.cron },
      });
      return stopped;
    });
  }

  /** The workspace's automatic digest while it runs, for the preview to say when it goes out; null when none does. */
  async runningSchedule(workspaceId: string): Promise<DigestScheduleRecord | null> {
    const schedule = await this.deps.uow.read.digest.schedule(workspaceId);
    return schedule?.nextDueAt ? schedule : null;
  }

  /** The scheduler's use case for digests: publishes each schedule that has come due, once across processes. */
  async publishDueDigests(now: Date): Promise<number> {
    let published = 0;
    for (const schedule of await this.deps.uow.read.digest.dueSchedules(now)) {
      const dueAt = schedule.nextDueAt;
      if (!dueAt) continue;
      const next = nextOccurrence(schedule.cron, schedule.timeZone, now);
      const tooOld = now.getTime() - dueAt.getTime() > (this.deps.lateLimitMs ?? 24 * 3_600_000);
      try {
        const period = await this.currentPeriod(this.deps.uow.read, schedule.workspaceId, schedule.timeZone, this.deps.channelLocale, schedule);
        const digest = tooOld ? null : await this.compose(this.deps.uow.read, { ...period, to: now });
        // Moving the schedule on is the claim (one process wins it); the digest and its post commit with it.
        const outcome = await this.deps.uow.run(async (stores) => {
          if (!(await stores.digest.advanceSchedule(schedule.id, dueAt, next, now))) return "taken";
          if (!digest || digest.keys.length === 0) return "nothing";
          await this.publishIn(stores, digest, schedule.channelId);
          return "published";
        });
        if (outcome === "published") published += 1;
        if (outcome !== "taken" && tooOld) this.deps.logger.warn({ workspaceId: schedule.workspaceId, dueAt }, "scheduled digest skipped: older than the late limit");
      } catch (error) {
        this.deps.logger.error({ err: error, workspaceId: schedule.workspaceId }, "scheduled digest could not be published");
      }
    }
    return published;
  }

  async compose(stores: Stores, period: DigestPeriod): Promise<ComposedDigest> {
    // Sources may add to one section (meetings' and decisions without a meeting both to "decisions").
    const raw = mergeSections((await Promise.all(this.deps.sources.map((s) => s.sections(stores, period)))).flat());
    const shown = await stores.digest.includedKeys(period.workspaceId, raw.flatMap((s) => s.entries.map((e) => e.key)));
    const seen = new Set<string>();
    const sections = raw
      .map((s) => ({
        ...s,
        entries: s.entries.filter((e) => {
          if (shown.has(e.key) || seen.has(e.key)) return false;
          seen.add(e.key);
          return true;
        }),
      }))
      .filter((s) => s.entries.length > 0);
    return { period, sections, keys: [...seen] };
  }

  /** Records the digest and writes its post to the outbox, in the caller's unit of work. */
  private async publishIn(stores: Stores, digest: ComposedDigest, channelId: string): Promise<void> {
    const record = await stores.digest.recordDigest({
      workspaceId: digest.period.workspaceId,
      channelId,
      periodStart: digest.period.from,
      periodEnd: digest.period.to,
      publishedAt: this.deps.clock.now(),
      markdown: toMarkdown(digest),
      keys: digest.keys,
    });
    await postToChannel(stores, this.deps.clock, channelId, toChannel(...digestBlocks(digest)), `digest:${record.id}`);
    const blocks = digestBlocks(digest);
    const title = blocks[0]?.type === "heading" ? blocks[0].text : record.id;
    // The web archive and feed show it (adapters/web/newsletter), and its subscribers get it by mail.
    await stores.mail.recordIssue({ id: record.id, workspaceId: digest.period.workspaceId, title, html: toHtml(digest), publishedAt: record.publishedAt });
    const base = this.deps.publicUrl?.() ?? null;
    if (this.deps.mailEnabled && base) await mailNewsletter(stores, this.deps.clock, { workspaceId: digest.period.workspaceId, locale: digest.period.locale, title, blocks, base, cause: `digest:${record.id}` });
  }

  /** From the end of the last digest (or a week / a month back) to now. */
  private async currentPeriod(
    stores: Stores,
    workspaceId: string,
    timeZone: string,
    locale: Locale,
    schedule: DigestScheduleRecord | null,
  ): Promise<DigestPeriod> {
    const to = this.deps.clock.now();
    const last = await stores.digest.lastDigest(workspaceId);
    const kind = schedule?.period ?? (await stores.digest.schedule(workspaceId))?.period ?? "weekly";
    const fallback = DateTime.fromJSDate(to, { zone: timeZone }).minus(kind === "monthly" ? { months: 1 } : { weeks: 1 }).toJSDate();
    const from = schedule?.lastPeriodEnd ?? last?.periodEnd ?? fallback;
    return { workspaceId, from, to, timeZone, locale };
  }

  private async saveNews(inv: Invocation, groupName: string, title: string, body: string, link: string | null): Promise<NewsItem> {
    validateNews(title, body);
    return this.deps.uow.run(async (stores) => {
      let groupId: string | null = null;
      if (groupName.trim() !== "-") {
        const group = await findActiveGroup(stores, inv, groupName);
        if (!inv.actor.isWorkspaceAdmin && !(await stores.groups.membership(group.id, inv.actor.person.id))) {
          refuse("news.members-only", { group: group.name });
        }
        groupId = group.id;
      }
      const item = await stores.digest.addNews({
        workspaceId: inv.workspaceId,
        groupId,
        title,
        body,
        link,
        authorId: inv.actor.person.id,
        createdAt: this.deps.clock.now(),
      });
      await recordChange(stores, this.deps.clock, inv, "news.added", newsSubject(item), { after: { title } });
      return item;
    });
  }

  private async editableNews(stores: Stores, inv: Invocation, id: string, action: string): Promise<NewsItem> {
    const item = await stores.digest.findNews(id.trim().toLowerCase());
    if (!item || item.workspaceId !== inv.workspaceId || item.removedAt) refuse("news.not-found", { id });
    if ((await stores.digest.includedKeys(inv.workspaceId, [newsKey(item)])).size > 0) refuse("news.already-published", { id });
    if (item.authorId === inv.actor.person.id || inv.actor.isWorkspaceAdmin) return item;
    const group = item.groupId ? await stores.groups.findById(item.groupId) : null;
    if (group) await requireManager(stores, inv, group, action);
    else refuse("news.author-only", { id });
    return item;
  }
}

function validateNews(title: string, body: string): void {
  if (!title) refuse("news.title-missing");
  if (title.length > newsTitleMaxLength) refuse("news.too-long", { maximum: newsTitleMaxLength });
  if (body.length > newsBodyMaxLength) refuse("news.too-long", { maximum: newsBodyMaxLength });
}

/**
 * The day a digest runs from, read as every other date is (`1.11.2026`, `2026-11-01`, `01/11/2026`),
 * as the start of that day in the council's time zone. Without a year (`1.11.`) it is the latest
 * such day up to today: "since" looks back.
 */
export function readDay(value: string, timeZone: string, now: Date): Date {
  const v = value.trim();
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  const date = readDate(v, today);
  let at = date ? DateTime.fromObject(date, { zone: timeZone }) : null;
  if (!at?.isValid || at.day !== date!.day) refuse("digest.unreadable-day", { day: v });
  if (at > today && /^\d{1,2}\.\d{1,2}\.$/.test(v)) at = at.minus({ years: 1 });
  if (at > today) refuse("digest.day-ahead", { day: v });
  return at.toJSDate();
}

/** Workspace admins and the officers of any group edit the newsletter. */
export async function requireDigestEditor(stores: Stores, inv: Invocation): Promise<void> {
  if (inv.actor.isWorkspaceAdmin) return;
  if (!(await stores.groups.holdsRoleInAny(inv.actor.person.id, officerRoles))) refuse("digest.editors-only");
}

/** A channel reference, or a group's name meaning the group's linked channel. */
export async function resolveChannel(stores: Stores, inv: Invocation, reference: string): Promise<string> {
  const value = reference.trim();
  if (/^(#|<#)|:/.test(value)) return value;
  const group = await stores.groups.findByName(inv.workspaceId, value);
  if (!group) refuse("digest.unknown-channel", { channel: value });
  if (!group.channelId) refuse("reminder.no-channel", { group: group.name });
  return group.channelId;
}

/** weekly: "<weekday> <H:MM>" (default Monday 9:00); monthly: "<day of month> <H:MM>" (default 1st 10:00). */
export function digestCron(period: DigestPeriodKind, when: string | undefined): string {
  const words = (when ?? "").trim().split(/\s+/).filter((w) => !["klo", "kl", "kl.", "at"].includes(w.toLowerCase())).filter(Boolean);
  const time = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(words[1] ?? (period === "weekly" ? "9:00" : "10:00"));
  const hour = Number(time?.[1] ?? NaN);
  const minute = Number(time?.[2] ?? 0);
  if (!time || hour > 23 || minute > 59) refuse("digest.unreadable-when", { when: when ?? "" });
  if (period === "weekly") {
    const day = words[0] === undefined ? 1 : weekdayOf(words[0])?.day;
    if (day === undefined) refuse("digest.unreadable-when", { when: when ?? "" });
    return `${minute} ${hour} * * ${day}`;
  }
  const dom = words[0] === undefined ? 1 : Number(words[0].replace(/\.$/, ""));
  if (!Number.isInteger(dom) || dom < 1 || dom > 28) refuse("digest.unreadable-when", { when: when ?? "" });
  return `${minute} ${hour} ${dom} * *`;
}
