import { randomUUID } from "node:crypto";
import type { MessageKey } from "../i18n/catalogues.ts";
import { deliveryStates, type Delivery, type Reminder, type StoredParams } from "../core/reminders/reminder.ts";
import { audienceColumn, audienceFromColumn } from "../core/reminders/audience.ts";
import type { ReminderStore } from "../core/reminders/store.ts";
import type { Reminder as ReminderRow, ReminderDelivery as DeliveryRow } from "../generated/prisma/client.ts";
import type { DbTx } from "./prisma-client.ts";
import { shortId } from "./short-id.ts";

const toReminder = (row: ReminderRow): Reminder => ({
  id: row.id,
  workspaceId: row.workspaceId,
  groupId: row.groupId,
  text: row.text,
  messageKey: row.messageKey as MessageKey | null,
  params: row.params ? (JSON.parse(row.params) as StoredParams) : {},
  cron: row.cron,
  timeZone: row.timeZone,
  eventKey: row.eventKey,
  audience: audienceFromColumn(row.audience),
  nextDueAt: row.nextDueAt,
  pausedAt: row.pausedAt,
  createdById: row.createdById,
  createdAt: row.createdAt,
});

const toDelivery = (row: DeliveryRow): Delivery => ({
  ...row,
  state: deliveryStates.find((s) => s === row.state) ?? "failed",
});

export const reminderStore = (db: DbTx): ReminderStore => ({
  async create(input) {
    const { params, audience, ...rest } = input;
    return toReminder(await db.reminder.create({ data: { id: shortId("r"), ...rest, params: JSON.stringify(params), audience: audienceColumn(audience) } }));
  },
  async findById(id) {
    const row = await db.reminder.findUnique({ where: { id } });
    return row && toReminder(row);
  },
  async listForGroup(groupId) {
    return (await db.reminder.findMany({ where: { groupId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(toReminder);
  },
  async update(id, patch) {
    return toReminder(await db.reminder.update({ where: { id }, data: patch }));
  },
  async remove(id) {
    await db.reminder.delete({ where: { id } });
  },
  async removeForEvent(eventKey) {
    return (await db.reminder.deleteMany({ where: { eventKey } })).count;
  },
  async forEvent(eventKey) {
    return (await db.reminder.findMany({ where: { eventKey }, orderBy: { nextDueAt: "asc" } })).map(toReminder);
  },
  async due(now, limit) {
    const rows = await db.reminder.findMany({
      where: { nextDueAt: { lte: now }, pausedAt: null },
      orderBy: { nextDueAt: "asc" },
      take: limit,
    });
    return rows.map(toReminder);
  },
  async advance(id, from, to) {
    const count = await db.$executeRaw`UPDATE "Reminder" SET "nextDueAt" = ${to}
      WHERE "id" = ${id} AND "nextDueAt" = ${from} AND "pausedAt" IS NULL`;
    return count === 1;
  },
  // The claim and the bookkeeping of a send are single statements (a plain create, raw UPDATEs):
  // Prisma wraps createMany/updateMany/update in a transaction that spans awaits, and on SQLite a
  // second connection waiting on that lock blocks its whole thread.
  async addDelivery(input) {
    const id = randomUUID();
    const inserted = await db.$executeRaw`INSERT INTO "ReminderDelivery"
      ("id", "reminderId", "dueAt", "state", "late", "attempts", "nextAttemptAt", "sentAt", "lastError")
      VALUES (${id}, ${input.reminderId}, ${input.dueAt}, ${input.state}, ${input.late}, ${input.attempts}, ${input.nextAttemptAt}, ${null}, ${input.lastError})
      ON CONFLICT ("reminderId", "dueAt") DO NOTHING`;
    return inserted === 1 ? { id, sentAt: null, ...input } : null;
  },
  async retryable(now, limit) {
    const rows = await db.reminderDelivery.findMany({
      where: { state: "pending", nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: "asc" },
      take: limit,
    });
    return rows.map(toDelivery);
  },
  async claimAttempt(id, seenAttempts, leaseUntil) {
    const count = await db.$executeRaw`UPDATE "ReminderDelivery" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${leaseUntil}
      WHERE "id" = ${id} AND "state" = 'pending' AND "attempts" = ${seenAttempts}`;
    return count === 1;
  },
  async finishDelivery(id, patch) {
    await db.$executeRaw`UPDATE "ReminderDelivery" SET "state" = ${patch.state},
      "sentAt" = ${patch.sentAt ?? null}, "nextAttemptAt" = ${patch.nextAttemptAt ?? null}, "lastError" = ${patch.lastError ?? null}
      WHERE "id" = ${id}`;
  },
  async deliveries(reminderId) {
    return (await db.reminderDelivery.findMany({ where: { reminderId }, orderBy: { dueAt: "asc" } })).map(toDelivery);
  },
});
