import type { MessageKey } from "../../i18n/catalogues.ts";
import type { Audience } from "./audience.ts";

/**
 * A moment kept as such and shown only when the reminder is sent, in each reader's language and
 * the reminder's time zone: with its time of day, or as a date.
 */
export type StoredMoment = { readonly time: string } | { readonly date: string };
export const storedTime = (at: Date): StoredMoment => ({ time: at.toISOString() });
export const storedDate = (at: Date): StoredMoment => ({ date: at.toISOString() });

/** A message parameter a reminder can keep in the database and render later. */
export type StoredParam = string | number | StoredMoment;
export type StoredParams = Readonly<Record<string, StoredParam>>;

/**
 * A reminder posted to a group's linked channel (or, with an audience, sent by direct message). One-off when `cron` is null, recurring otherwise;
 * tied to an event (a meeting, an election) when `eventKey` is set. `nextDueAt` is the schedule
 * itself: the next occurrence in UTC, null once a one-off has happened.
 */
export interface Reminder {
  readonly id: string;
  readonly workspaceId: string;
  readonly groupId: string;
  /** What a person typed; null for event reminders, which post `messageKey` with `params`. */
  readonly text: string | null;
  readonly messageKey: MessageKey | null;
  readonly params: StoredParams;
  readonly cron: string | null;
  /** The IANA zone the cron expression (and the shown times) are read in. */
  readonly timeZone: string;
  readonly eventKey: string | null;
  /** Set for a nudge: sent by direct message to these people instead of to the channel. */
  readonly audience: Audience | null;
  readonly nextDueAt: Date | null;
  readonly pausedAt: Date | null;
  readonly createdById: string | null;
  readonly createdAt: Date;
}

export type NewReminder = Omit<Reminder, "id" | "createdAt">;

export const deliveryStates = ["pending", "sent", "skipped", "failed"] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** One occurrence of a reminder; (reminderId, dueAt) is unique, so an occurrence exists once. */
export interface Delivery {
  readonly id: string;
  readonly reminderId: string;
  readonly dueAt: Date;
  readonly state: DeliveryState;
  readonly late: boolean;
  readonly attempts: number;
  readonly nextAttemptAt: Date | null;
  readonly sentAt: Date | null;
  readonly lastError: string | null;
}

export type NewDelivery = Omit<Delivery, "id" | "sentAt">;

export const isActive = (reminder: Pick<Reminder, "nextDueAt" | "pausedAt">): boolean =>
  reminder.nextDueAt !== null && reminder.pausedAt === null;
