import type { Locale } from "../../i18n/locale.ts";
import { presentation } from "../../i18n/presentation.ts";
import type { ChatPort } from "../shared/chat.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/logger.ts";
import type { UnitOfWork } from "../shared/unit-of-work.ts";
import type { Delivery, NewDelivery, Reminder } from "./reminder.ts";
import { recipientsOf, type Recipient, type Recipients } from "./recipients.ts";
import type { SendQueue } from "./send-queue.ts";
import type { ReminderMove, ReminderStore } from "./store.ts";
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
 * processes sharing the database send it once; a failed send stays pending with a next attempt.
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
    // 3. Send, one queue per channel (and per person); a group's channel is looked up once a tick.
    const channels = new Map<string, Promise<Recipients>>();
    const recipients = (reminder: Reminder) => {
      const { uow, chat, channelLocale } = this.deps;
      if (reminder.audience) return recipientsOf(uow.read, chat, channelLocale, reminder);
      if (!channels.has(reminder.groupId)) channels.set(reminder.groupId, recipientsOf(uow.read, chat, channelLocale, reminder));
      return channels.get(reminder.groupId) as Promise<Recipients>;
    };
    const sent = sentRecorder(store, this.deps.clock);
    await Promise.all(work.map((w) => this.send(w.delivery, w.reminder, now, result, recipients, sent)));
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

  private async send(
    delivery: Delivery,
    reminder: Reminder,
    now: Date,
    result: TickResult,
    recipientsFor: (reminder: Reminder) => Promise<Recipients>,
    sent: SentRecorder,
  ): Promise<void> {
    const store = this.deps.uow.read.reminders;
    const wordsIn = (locale: Locale) => {
      const p = presentation(locale, reminder.timeZone);
      return p.t(delivery.late ? "reminders.post-late" : "reminders.post", { text: reminderText(p, reminder) });
    };
    const deliver = (r: Recipient) => this.deps.queue.send(r.key, () => r.deliver(wordsIn(r.locale)));
    try {
      const { list, fanOut } = await recipientsFor(reminder);
      if (fanOut) {
        const failures = (await Promise.allSettled(list.map(deliver))).filter((s) => s.status === "rejected");
        for (const failure of failures) this.deps.logger.warn({ err: loggedError(failure.reason), reminderId: reminder.id }, "nudge could not be sent to one of its people");
      } else {
        for (const r of list) await deliver(r);
      }
      await sent.record(delivery.id);
      result.sent += 1;
      if (delivery.late) result.late += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (delivery.attempts >= this.options.maxAttempts) {
        await store.finishDelivery(delivery.id, { state: "failed", nextAttemptAt: null, lastError: message });
        this.deps.logger.error({ err: loggedError(error), reminderId: reminder.id, dueAt: delivery.dueAt }, "reminder could not be sent; given up");
        result.failed += 1;
        return;
      }
      const wait = this.options.retryBackoffMs * 2 ** (delivery.attempts - 1);
      const nextAttemptAt = new Date(now.getTime() + wait);
      await store.finishDelivery(delivery.id, { state: "pending", nextAttemptAt, lastError: message });
      this.deps.logger.warn({ err: loggedError(error), reminderId: reminder.id, dueAt: delivery.dueAt, nextAttemptAt }, "reminder could not be sent; will retry");
      result.retrying += 1;
    }
  }
}

interface SentRecorder {
  /** Resolves once the send is recorded. */
  record(deliveryId: string): Promise<void>;
}

/**
 * Records sends as they complete. Those that complete while a write is under way go together in
 * the next one, so a busy tick costs a few commits, while each send is still recorded as soon as it
 * can be (a crash before that would send it again after the lease).
 */
function sentRecorder(store: ReminderStore, clock: Clock): SentRecorder {
  let waiting: string[] = [];
  let writing: Promise<void> | null = null;
  const write = async () => {
    try {
      while (waiting.length > 0) {
        const ids = waiting;
        waiting = [];
        await store.markSent(ids, clock.now());
      }
    } catch (error) {
      // Everyone waiting on this write hears of the failure; none of them stays queued for another.
      waiting = [];
      throw error;
    } finally {
      writing = null;
    }
  };
  return {
    record(deliveryId) {
      waiting.push(deliveryId);
      writing ??= write();
      return writing;
    },
  };
}
