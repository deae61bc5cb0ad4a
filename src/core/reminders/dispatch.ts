import type { Locale } from "../../i18n/locale.ts";
import { presentation } from "../../i18n/presentation.ts";
import type { ChatPort } from "../shared/chat.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/logger.ts";
import type { UnitOfWork } from "../shared/unit-of-work.ts";
import type { Delivery, NewDelivery, Reminder } from "./reminder.ts";
import { direct, text, toChannel } from "../../render/build.ts";
import { NoRecipient, recipientsOf, type Recipient, type Recipients } from "./recipients.ts";
import type { SendQueue } from "./send-queue.ts";
import type { ReminderMove } from "./store.ts";
import { reminderText } from "./service.ts";
import { nextOccurrence } from "./when.ts";
import { loggedError } from "../shared/logged-error.ts";

export interface DispatchOptions {
  /** An occurrence older than this when it could first be sent is skipped and logged (default 24 h). */
  readonly lateLimitMs: number;
  /** Sent later than this after its time, an occurrence is marked "(late)" (default 2 min). */
  readonly lateAfterMs: number;
  /** How long one process holds an attempt before another may retry it (default 5 min). */
  readonly leaseMs: number;
  /** Attempts (over ticks) before an occurrence is given up as failed (default 6). */
  readonly maxAttempts: number;
  /** First wait before the next attempt after a failure, doubled each time (default 1 min). */
  readonly retryBackoffMs: number;
  readonly batchSize: number;
}

export const defaultDispatchOptions: DispatchOptions = {
  lateLimitMs: 24 * 3_600_000,
  lateAfterMs: 2 * 60_000,
  leaseMs: 5 * 60_000,
  maxAttempts: 6,
  retryBackoffMs: 60_000,
  batchSize: 500,
};

export interface TickResult {
  sent: number;
  late: number;
  skipped: number;
  retrying: number;
  failed: number;
}

export interface ReminderDispatcherDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly chat: ChatPort;
  readonly queue: SendQueue;
  readonly channelLocale: Locale;
  readonly logger: Logger;
  readonly options?: Partial<DispatchOptions>;
}

/**
 * The scheduler's use case. The schedule lives in the database (each reminder's nextDueAt); an
 * occurrence is claimed before it is sent by inserting its unique (reminder, dueAt) row, so
 * processes sharing the database send it once. Its posts go to the outbox in the transaction that
 * records it as sent (the outbox retries a failed post); one with nowhere to go stays pending.
 */
export class ReminderDispatcher {
  private readonly options: DispatchOptions;

  constructor(private readonly deps: ReminderDispatcherDeps) {
    this.options = { ...defaultDispatchOptions, ...deps.options };
  }

  async sendDueReminders(now: Date): Promise<TickResult> {
    const result: TickResult = { sent: 0, late: 0, skipped: 0, retrying: 0, failed: 0 };
    const work: { delivery: Delivery; reminder: Reminder }[] = [];
    const store = this.deps.uow.read.reminders;
    // 1. Occurrences that have come due become deliveries (claimed by this process). The unique
    // (reminder, dueAt) row is the claim: whoever inserts it owns the occurrence. Everyone then
    // moves nextDueAt on; the move is conditional and idempotent, so a crash between the two steps
    // loses and doubles nothing.
    for (let round = 0; round < 50; round += 1) {
      const due = await store.due(now, this.options.batchSize);
      if (due.length === 0) break;
      const plans = due.map((reminder) => this.plan(reminder, now));
      const won = new Map((await store.claim(plans.map((p) => p.occurrence))).map((d) => [d.reminderId, d]));
      await store.advance(plans.map((p) => p.move));
      for (const { reminder, occurrence } of plans) {
        const delivery = won.get(reminder.id);
        if (!delivery) continue;
        if (delivery.state !== "skipped") work.push({ delivery, reminder });
        else {
          result.skipped += 1;
          if (occurrence.lastError === "too-old") this.deps.logger.warn({ reminderId: reminder.id, dueAt: delivery.dueAt }, "reminder skipped: older than the late limit");
        }
      }
      if (due.length < this.options.batchSize && !due.some((r) => r.cron)) break;
    }
    // 2. Earlier attempts that failed and are due for another try.
    for (const delivery of await this.deps.uow.read.reminders.retryable(now, this.options.batchSize)) {
      const won = await this.deps.uow.read.reminders.claimAttempt(delivery.id, delivery.attempts, new Date(now.getTime() + this.options.leaseMs));
      if (!won) continue;
      const reminder = await this.deps.uow.read.reminders.findById(delivery.reminderId);
      if (!reminder) continue;
      if (now.getTime() - delivery.dueAt.getTime() > this.options.lateLimitMs) {
        await this.deps.uow.read.reminders.finishDelivery(delivery.id, { state: "failed", nextAttemptAt: null });
        this.deps.logger.error({ reminderId: reminder.id, dueAt: delivery.dueAt }, "reminder given up: still unsent after the late limit");
        result.failed += 1;
        continue;
      }
      work.push({ delivery: { ...delivery, attempts: delivery.attempts + 1, late: true }, reminder });
    }
    // 3. Each occurrence's posts are written to the outbox in the transaction that records it as
    // sent, so across a crash it is posted exactly once; they go out as soon as that commits.
    for (let from = 0; from < work.length; from += queueChunk) {
      await this.toOutbox(work.slice(from, from + queueChunk), now, result);
    }
    return result;
  }

  /** What becomes of a due reminder's occurrence: sent, or skipped as too old or superseded; and its next time. */
  private plan(reminder: Reminder, now: Date): { reminder: Reminder; occurrence: NewDelivery; move: ReminderMove } {
    const dueAt = reminder.nextDueAt ?? now;
    const { lateLimitMs, lateAfterMs, leaseMs } = this.options;
    const age = now.getTime() - dueAt.getTime();
    const tooOld = age > lateLimitMs;
    let next: Date | null = null;
    if (reminder.cron) {
      // After a long downtime, jump to the occurrences still inside the late window.
      const from = tooOld ? new Date(now.getTime() - lateLimitMs) : dueAt;
      next = nextOccurrence(reminder.cron, reminder.timeZone, from);
    }
    // Of several missed occurrences only the newest is sent (late): the older ones are superseded.
    const superseded = next !== null && next.getTime() <= now.getTime();
    const skip = tooOld || superseded;
    const occurrence: NewDelivery = {
      reminderId: reminder.id,
      dueAt,
      state: skip ? "skipped" : "pending",
      late: age > lateAfterMs,
      attempts: skip ? 0 : 1,
      nextAttemptAt: skip ? null : new Date(now.getTime() + leaseMs),
      lastError: tooOld ? "too-old" : superseded ? "superseded" : null,
    };
    return { reminder, occurrence, move: { id: reminder.id, from: dueAt, to: next } };
  }

  /** One transaction for a chunk of occurrences: their outbox messages, and their record as sent. */
  private async toOutbox(chunk: readonly { delivery: Delivery; reminder: Reminder }[], now: Date, result: TickResult): Promise<void> {
    let unreachable: { delivery: Delivery; reminder: Reminder; error: NoRecipient }[] = [];
    const queued = await this.deps.uow.run(async (stores) => {
      unreachable = [];
      const done: Delivery[] = [];
      // A group's channel is looked up once a chunk.
      const channels = new Map<string, Promise<Recipients>>();
      const recipients = (reminder: Reminder) => {
        if (reminder.audience) return recipientsOf(stores, this.deps.chat, this.deps.channelLocale, reminder);
        if (!channels.has(reminder.groupId)) channels.set(reminder.groupId, recipientsOf(stores, this.deps.chat, this.deps.channelLocale, reminder));
        return channels.get(reminder.groupId) as Promise<Recipients>;
      };
      for (const { delivery, reminder } of chunk) {
        let list: readonly Recipient[];
        try {
          list = (await recipients(reminder)).list;
        } catch (error) {
          if (!(error instanceof NoRecipient)) throw error;
          unreachable.push({ delivery, reminder, error });
          continue;
        }
        const words = (locale: Locale) => {
          const p = presentation(locale, reminder.timeZone);
          return p.t(delivery.late ? "reminders.post-late" : "reminders.post", { text: reminderText(p, reminder) });
        };
        for (const r of list) {
          const reply = r.target.kind === "channel" ? toChannel(text(words(r.locale))) : direct(text(words(r.locale)));
          await stores.outbox.enqueue({ target: r.target, reply, cause: `reminder:${delivery.id}` }, this.deps.clock.now());
        }
        done.push(delivery);
      }
      await stores.reminders.markSent(done.map((d) => d.id), this.deps.clock.now());
      return done;
    });
    result.sent += queued.length;
    result.late += queued.filter((d) => d.late).length;
    for (const { delivery, reminder, error } of unreachable) await this.unsent(delivery, reminder, now, result, error);
  }

  /** An occurrence with nowhere to go (no linked channel, the person gone) stays pending and is tried again, then given up. */
  private async unsent(delivery: Delivery, reminder: Reminder, now: Date, result: TickResult, error: Error): Promise<void> {
    const store = this.deps.uow.read.reminders;
    if (delivery.attempts >= this.options.maxAttempts) {
      await store.finishDelivery(delivery.id, { state: "failed", nextAttemptAt: null, lastError: error.message });
      this.deps.logger.error({ err: loggedError(error), reminderId: reminder.id, dueAt: delivery.dueAt }, "reminder could not be sent; given up");
      result.failed += 1;
      return;
    }
    const wait = this.options.retryBackoffMs * 2 ** (delivery.attempts - 1);
    const nextAttemptAt = new Date(now.getTime() + wait);
    await store.finishDelivery(delivery.id, { state: "pending", nextAttemptAt, lastError: error.message });
    this.deps.logger.warn({ err: loggedError(error), reminderId: reminder.id, dueAt: delivery.dueAt, nextAttemptAt }, "reminder could not be sent; will retry");
    result.retrying += 1;
  }
}

/** Occurrences per transaction: a busy tick costs a few commits, and no transaction grows large. */
const queueChunk = 200;
