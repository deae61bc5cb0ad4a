import { randomUUID } from "node:crypto";
import type { ChatPort } from "../shared/chat.ts";
import { isRateLimited } from "../shared/chat-errors.ts";
import type { Clock } from "../shared/clock.ts";
import { loggedError } from "../shared/logged-error.ts";
import type { Logger } from "../shared/logger.ts";
import type { UnitOfWork } from "../shared/unit-of-work.ts";
import type { SendQueue } from "../reminders/send-queue.ts";
import type { MailPort } from "../mail/mail.ts";
import type { OutboxMessage } from "./message.ts";
import type { OutboxLease } from "./store.ts";

export interface OutboxOptions {
  /** How long a claim holds its messages: another worker (or this one, restarted) may take them after. */
  readonly leaseMs: number;
  /** Attempts before a message is given up and logged. */
  readonly maxAttempts: number;
  /** The wait after a first failure, doubled after each further one. */
  readonly backoffMs: number;
  readonly batchSize: number;
}

export const defaultOutboxOptions: OutboxOptions = { leaseMs: 2 * 60_000, maxAttempts: 6, backoffMs: 30_000, batchSize: 200 };

export interface OutboxWorkerDeps {
  readonly uow: UnitOfWork;
  readonly chat: ChatPort;
  /** Where e-mail messages go; without one they wait (and are given up after the attempts). */
  readonly mail?: MailPort;
  readonly clock: Clock;
  /** Sends one at a time per channel or person, waiting out rate limits (send-queue.ts). */
  readonly queue: SendQueue;
  readonly logger: Logger;
  readonly options?: Partial<OutboxOptions>;
}

/** What one pass did. */
export interface DrainResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** A pass stops after this many batches, so a message that keeps coming due at once cannot hold it. */
const maxRounds = 50;

/**
 * Sends what the outbox holds. Every database step is a unit of work of its own: on SQLite a
 * write outside one could land in a command's open transaction. Each message is sent with its id
 * as the platform's duplicate key, so a resend after a crash between sending and recording is
 * not shown twice where the platform can tell.
 */
export class OutboxWorker {
  private readonly options: OutboxOptions;
  /** One worker, one owner: its leases are its own, and a restarted process is another owner. */
  private readonly owner = `worker:${randomUUID()}`;
  private draining: Promise<DrainResult> | null = null;
  private again = false;
  private readonly underWay = new Set<Promise<unknown>>();

  constructor(private readonly deps: OutboxWorkerDeps) {
    this.options = { ...defaultOutboxOptions, ...deps.options };
  }

  /** Sends everything due, batch after batch; overlapping calls share one pass (and ask for another). */
  drain(): Promise<DrainResult> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    const pass = async (): Promise<DrainResult> => {
      const total: DrainResult = { sent: 0, retrying: 0, failed: 0 };
      do {
        this.again = false;
        add(total, await this.pass());
      } while (this.again);
      return total;
    };
    this.draining = this.track(pass()).finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /**
   * After a commit: sends the messages it wrote, now, and resolves when they went (or were left for
   * a retry). Never throws: whatever fails here stays in the outbox for the next pass.
   */
  async sendNow(ids: readonly string[]): Promise<void> {
    try {
      for (let from = 0; from < ids.length; from += this.options.batchSize) {
        await this.track(this.round(ids.slice(from, from + this.options.batchSize), true));
      }
    } catch (error) {
      this.deps.logger.error({ err: loggedError(error) }, "outbox: sending after a commit failed; the worker retries");
    }
  }

  /** Waits for the sends under way (at shutdown), so none is cut off between sending and recording. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.underWay]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.underWay.add(work);
    void work.finally(() => this.underWay.delete(work)).catch(() => undefined);
    return work;
  }

  private async pass(): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, retrying: 0, failed: 0 };
    for (let round = 0; round < maxRounds; round++) {
      const result = await this.round();
      if (result === null) break;
      add(total, result);
    }
    return total;
  }

  /**
   * Claims one batch (of `ids` only, when given) and sends it; null when nothing was due. With
   * `mailInBackground` (after a commit) the command waits for its chat posts only: its e-mails go
   * on in the background, so a slow or failing mail server never holds up chat.
   */
  private async round(ids?: readonly string[], mailInBackground = false): Promise<DrainResult | null> {
    const now = this.deps.clock.now();
    const lease: OutboxLease = { owner: this.owner, until: new Date(now.getTime() + this.options.leaseMs) };
    const claimed = await this.deps.uow.run((stores) => stores.outbox.claim(now, lease, this.options.batchSize, ids));
    if (claimed.length === 0) return null;
    // A change's posts go out in the order it wrote them (several share one createdAt).
    const batch = ids ? [...claimed].sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)) : claimed;
    const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
    const recordSent = coalesced((sentIds) => this.deps.uow.run((stores) => stores.outbox.markSent(sentIds, this.deps.clock.now())));
    const send = (messages: OutboxMessage[]) =>
      Promise.all(
        messages.map(async (message) => {
          const outcome = await this.deliver(message, lease, recordSent);
          result[outcome] += 1;
        }),
      );
    const mails = batch.filter((m) => m.target.kind === "email");
    if (mailInBackground && mails.length > 0) {
      void this.track(send(mails)).catch((error: unknown) => this.deps.logger.error({ err: loggedError(error) }, "outbox: e-mail sending failed; the worker retries"));
      await send(batch.filter((m) => m.target.kind !== "email"));
    } else {
      await send(batch);
    }
    return result;
  }

  private async deliver(message: OutboxMessage, lease: OutboxLease, recordSent: (id: string) => Promise<void>): Promise<keyof DrainResult> {
    const { chat, queue } = this.deps;
    const { target, reply, id } = message;
    const queueKey = target.kind === "channel" ? target.id : target.kind === "email" ? `mail:${target.id}` : `dm:${target.id}`;
    const send = (): Promise<void> => {
      if (target.kind === "channel") return chat.post(target.id, reply, { key: id });
      if (target.kind === "person") return chat.directMessage(target.id, reply, { key: id });
      if (!this.deps.mail || !message.mail) throw Object.assign(new Error("no mail transport"), { code: "mail-not-configured" });
      return this.deps.mail.send(target.id, message.mail, reply, { key: id });
    };
    try {
      await queue.send(queueKey, send);
    } catch (error) {
      return this.failed(message, lease, error);
    }
    await recordSent(id);
    return "sent";
  }

  private async failed(message: OutboxMessage, lease: OutboxLease, error: unknown): Promise<keyof DrainResult> {
    const now = this.deps.clock.now();
    const kind = errorKind(error);
    const where = { outboxId: message.id, cause: message.cause, target: message.target.kind, attempts: message.attempts };
    // A rate limit the send queue could not wait out is still a wait: the attempt is not counted.
    if (isRateLimited(error)) {
      const at = new Date(now.getTime() + Math.max(1_000, error.retryAfterMs));
      await this.deps.uow.run((stores) => stores.outbox.markRetry(message.id, lease, at, kind, true));
      this.deps.logger.info({ ...where, nextAttemptAt: at }, "outbox: rate limited; waiting");
      return "retrying";
    }
    if (message.attempts >= this.options.maxAttempts) {
      await this.deps.uow.run((stores) => stores.outbox.markFailed(message.id, lease, now, kind));
      this.deps.logger.error({ ...where, err: loggedError(error) }, "outbox: post could not be sent; given up");
      return "failed";
    }
    const at = new Date(now.getTime() + this.options.backoffMs * 2 ** (message.attempts - 1));
    await this.deps.uow.run((stores) => stores.outbox.markRetry(message.id, lease, at, kind, false));
    this.deps.logger.warn({ ...where, err: loggedError(error), nextAttemptAt: at }, "outbox: post could not be sent; will retry");
    return "retrying";
  }
}

const add = (into: DrainResult, from: DrainResult) => {
  into.sent += from.sent;
  into.retrying += from.retrying;
  into.failed += from.failed;
};

/** The kind of an error, for the row: its code or name, never its text (which may quote the post). */
const errorKind = (error: unknown): string => {
  const found = error as { code?: unknown; name?: unknown } | null;
  const kind = typeof found?.code === "string" ? found.code : typeof found?.name === "string" ? found.name : "unknown";
  return kind.slice(0, 80);
};

/**
 * Records as they complete: ids that complete while a write is under way go together in the next
 * one, so a batch costs a few commits while each send is still recorded as soon as it can be.
 */
function coalesced(write: (ids: string[]) => Promise<void>): (id: string) => Promise<void> {
  let waiting: string[] = [];
  let writing: Promise<void> | null = null;
  const flush = async () => {
    try {
      while (waiting.length > 0) {
        const ids = waiting;
        waiting = [];
        await write(ids);
      }
    } catch (error) {
      // Everyone waiting on this write hears of the failure; none stays queued for another.
      waiting = [];
      throw error;
    } finally {
      writing = null;
    }
  };
  return (id) => {
    waiting.push(id);
    writing ??= flush();
    return writing;
  };
}
