import type { Delivery, DeliveryState, NewDelivery, NewReminder, Reminder } from "./reminder.ts";

export interface ReminderStore {
  create(input: NewReminder): Promise<Reminder>;
  findById(id: string): Promise<Reminder | null>;
  /** Newest last; includes paused and finished ones. */
  listForGroup(groupId: string): Promise<Reminder[]>;
  update(id: string, patch: Partial<Pick<Reminder, "nextDueAt" | "pausedAt">>): Promise<Reminder>;
  remove(id: string): Promise<void>;
  /** Removes the reminders tied to an event (their delivery history goes with them); returns how many. */
  removeForEvent(eventKey: string): Promise<number>;
  forEvent(eventKey: string): Promise<Reminder[]>;
  /** Unpaused reminders with nextDueAt <= now, earliest first, at most `limit`. */
  due(now: Date, limit: number): Promise<Reminder[]>;
  /**
   * The step only one process wins: moves nextDueAt from `from` to `to` if it is still `from` and
   * the reminder is not paused. True when this call moved it.
   */
  advance(id: string, from: Date, to: Date | null): Promise<boolean>;
  /** Records (claims) an occurrence; null when (reminderId, dueAt) already exists: another process has it. */
  addDelivery(input: NewDelivery): Promise<Delivery | null>;
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
