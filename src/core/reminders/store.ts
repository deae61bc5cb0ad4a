import type { Window } from "../shared/page.ts";
import type { Delivery, DeliveryState, NewDelivery, NewReminder, Reminder } from "./reminder.ts";

export interface ReminderMove {
  readonly id: string;
  readonly from: Date;
  readonly to: Date | null;
}

export interface ReminderStore {
  create(input: NewReminder): Promise<Reminder>;
  findById(id: string): Promise<Reminder | null>;
  /** Soonest first: the running ones by their next time, then the paused and the finished in the order they were made. */
  listForGroup(groupId: string, window?: Window): Promise<Reminder[]>;
  countForGroup(groupId: string): Promise<number>;
  update(id: string, patch: Partial<Pick<Reminder, "nextDueAt" | "pausedAt">>): Promise<Reminder>;
  remove(id: string): Promise<void>;
  /** Removes the reminders tied to an event (their delivery history goes with them); returns how many. */
  removeForEvent(eventKey: string): Promise<number>;
  forEvent(eventKey: string): Promise<Reminder[]>;
  /** Unpaused reminders with nextDueAt <= now, earliest first, at most `limit`. */
  due(now: Date, limit: number): Promise<Reminder[]>;
  /**
   * Moves each reminder's nextDueAt from `from` to `to` if it is still `from` and the reminder is
   * not paused (so a move already made, by this process or another, is not made twice).
   */
  advance(moves: readonly ReminderMove[]): Promise<void>;
  /**
   * Records (claims) occurrences, in one statement; returns those this call inserted. One whose
   * (reminderId, dueAt) already exists is another process's and is left out.
   */
  claim(occurrences: readonly NewDelivery[]): Promise<Delivery[]>;
  /** Records occurrences as sent, in one statement. */
  markSent(ids: readonly string[], sentAt: Date): Promise<void>;
  /** Pending occurrences whose next attempt is due, earliest first. */
  retryable(now: Date, limit: number): Promise<Delivery[]>;
  /**
   * Takes a pending occurrence for one attempt: succeeds only while `attempts` is still
   * `seenAttempts`, then counts the attempt and holds it until `leaseUntil`.
   */
  claimAttempt(id: string, seenAttempts: number, leaseUntil: Date): Promise<boolean>;
  /** Records the outcome of an attempt; sentAt, nextAttemptAt and lastError not given are cleared. */
  finishDelivery(
    id: string,
    patch: { state: DeliveryState; sentAt?: Date | null; nextAttemptAt?: Date | null; lastError?: string | null },
  ): Promise<void>;
  deliveries(reminderId: string): Promise<Delivery[]>;
}
