import { randomUUID } from "node:crypto";
import type { MessageKey } from "../i18n/catalogues.ts";
import { deliveryStates, type Delivery, type Reminder, type StoredParams } from "../core/reminders/reminder.ts";
import { audienceColumn, audienceFromColumn } from "../core/reminders/audience.ts";
import type { ReminderMove, ReminderStore } from "../core/reminders/store.ts";
import { Prisma, type Reminder as ReminderRow, type ReminderDelivery as DeliveryRow } from "../generated/prisma/client.ts";
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
  async listForGroup(groupId, window) {
    // Two ranges read in turn, each off its own index: the page takes what it needs from the first,
    // the rest from the second, and counts the first only when the page starts beyond it.
    const running = { groupId, pausedAt: null, nextDueAt: { not: null } };
    const resting = { groupId, OR: [{ pausedAt: { not: null } }, { nextDueAt: null }] };
    const byNextTime = [{ nextDueAt: "asc" as const }, { id: "asc" as const }];
    const asMade = [{ createdAt: "asc" as const }, { id: "asc" as const }];
    if (!window) return [...(await db.reminder.findMany({ where: running, orderBy: byNextTime })), ...(await db.reminder.findMany({ where: resting, orderBy: asMade }))].map(toReminder);
    const first = await db.reminder.findMany({ where: running, orderBy: byNextTime, skip: window.offset, take: window.limit });
    if (first.length === window.limit) return first.map(toReminder);
    const runningCount = first.length > 0 ? window.offset + first.length : await db.reminder.count({ where: running });
    const rest = await db.reminder.findMany({ where: resting, orderBy: asMade, skip: Math.max(0, window.offset - runningCount), take: window.limit - first.length });
    return [...first, ...rest].map(toReminder);
  },
  async countForGroup(groupId) {
    return db.reminder.count({ where: { groupId } });
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
  // The claim and the bookkeeping of a send are single statements (raw INSERT and UPDATEs, each a
  // whole batch): Prisma wraps createMany/updateMany/update in a transaction that spans awaits, and
  // on SQLite a second connection waiting on that lock blocks its whole thread. One statement per
  // batch also keeps a busy tick to a few commits.
  async advance(moves) {
    // One statement per target time: the one-offs all go to null, recurring ones mostly share theirs.
    const byTarget = new Map<number | null, ReminderMove[]>();
    for (const move of moves) {
      const target = move.to?.getTime() ?? null;
      const group = byTarget.get(target) ?? [];
      group.push(move);
      byTarget.set(target, group);
    }
    for (const [target, group] of byTarget) {
      const which = Prisma.join(group.map((m) => Prisma.sql`("id" = ${m.id} AND "nextDueAt" = ${m.from})`), " OR ");
      await db.$executeRaw`UPDATE "Reminder" SET "nextDueAt" = ${target === null ? null : new Date(target)}
        WHERE "pausedAt" IS NULL AND (${which})`;
    }
  },
  async claim(occurrences) {
    if (occurrences.length === 0) return [];
    const rows = occurrences.map((o) => ({ id: randomUUID(), sentAt: null, ...o }));
    const values = Prisma.join(
      rows.map((r) => Prisma.sql`(${r.id}, ${r.reminderId}, ${r.dueAt}, ${r.state}, ${r.late}, ${r.attempts}, ${r.nextAttemptAt}, ${null}, ${r.lastError})`),
    );
    const won = await db.$queryRaw<{ id: string }[]>`INSERT INTO "ReminderDelivery"
      ("id", "reminderId", "dueAt", "state", "late", "attempts", "nextAttemptAt", "sentAt", "lastError")
      VALUES ${values}
      ON CONFLICT ("reminderId", "dueAt") DO NOTHING
      RETURNING "id"`;
    const ids = new Set(won.map((w) => w.id));
    return rows.filter((r) => ids.has(r.id));
  },
  async markSent(ids, sentAt) {
    if (ids.length === 0) return;
    await db.$executeRaw`UPDATE "ReminderDelivery" SET "state" = 'sent', "sentAt" = ${sentAt}, "nextAttemptAt" = NULL, "lastError" = NULL
      WHERE "id" IN (${Prisma.join(ids)})`;
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
