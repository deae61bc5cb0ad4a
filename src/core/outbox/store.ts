import type { NewOutboxMessage, OutboxMessage, OutboxRecord } from "./message.ts";

/** One worker's hold on the messages it claimed: who (a random id per worker) and until when. */
export interface OutboxLease {
  readonly owner: string;
  readonly until: Date;
}

/**
 * The outbox's store port. `enqueue` belongs inside the unit of work that makes the change, so
 * the post and the change commit together. The worker calls the rest in units of work of their
 * own (on SQLite a write outside a transaction could land in a command's open one).
 */
export interface OutboxStore {
  /** Stores a message, due at once; returns its id (random, the post's stable key). */
  enqueue(message: NewOutboxMessage, now: Date): Promise<string>;
  /**
   * Takes up to `limit` messages that are unsent, not given up, due by `now` and not leased to
   * anyone (a lease past its time counts as none), oldest first; only among `ids` when given.
   * Each one taken counts an attempt. Of two workers claiming at once, each message goes to one.
   */
  claim(now: Date, lease: OutboxLease, limit: number, ids?: readonly string[]): Promise<OutboxMessage[]>;
  /** Records messages as sent (whoever holds them now: sent is sent). */
  markSent(ids: readonly string[], at: Date): Promise<void>;
  /**
   * Lets a message go for another attempt at `nextAttemptAt`; `uncount` takes back the attempt
   * the claim counted (a rate limit is a wait, not a failure).
   */
  markRetry(id: string, lease: OutboxLease, nextAttemptAt: Date, errorKind: string, uncount: boolean): Promise<void>;
  /** Gives a message up: it is not tried again. */
  markFailed(id: string, lease: OutboxLease, at: Date, errorKind: string): Promise<void>;
  /** The newest `limit` messages, newest first, with how each fared. */
  recent(limit: number): Promise<OutboxRecord[]>;
}
