import { randomUUID } from "node:crypto";
import { newOutboxMessageSchema, outboxMessageSchema, outboxRecordSchema, type OutboxMessage, type OutboxRecord } from "../core/outbox/message.ts";
import type { OutboxStore } from "../core/outbox/store.ts";
import { Prisma, type OutboxMessage as OutboxRow } from "../generated/prisma/client.ts";
import type { DbTx } from "./prisma-client.ts";

/** What the repositories of one transaction share: the audit event a post defaults to as its cause. */
export interface TransactionContext {
  lastAuditEventId: string | null;
}

const fields = (row: OutboxRow) => ({
  id: row.id,
  target: { kind: row.targetKind, id: row.targetId },
  reply: JSON.parse(row.reply) as unknown,
  cause: row.cause,
  mail: row.mail === null ? null : (JSON.parse(row.mail) as unknown),
  createdAt: row.createdAt,
  attempts: row.attempts,
});
const toMessage = (row: OutboxRow): OutboxMessage => outboxMessageSchema.parse(fields(row));
const toRecord = (row: OutboxRow): OutboxRecord =>
  outboxRecordSchema.parse({ ...fields(row), nextAttemptAt: row.nextAttemptAt, sentAt: row.sentAt, failedAt: row.failedAt, lastError: row.lastError });

// Claims and outcomes are single raw statements: one conditional UPDATE decides who holds a
// message, whichever database runs it (PostgreSQL re-checks the WHERE of a row another
// transaction changed meanwhile; SQLite runs one writer at a time).
export const outboxStore = (db: DbTx, context: TransactionContext): OutboxStore => ({
  async enqueue(input, now) {
    const message = newOutboxMessageSchema.parse(input);
    const id = randomUUID();
    const cause = message.cause ?? (context.lastAuditEventId ? `audit:${context.lastAuditEventId}` : null);
    await db.outboxMessage.create({
      data: {
        id,
        targetKind: message.target.kind,
        targetId: message.target.id,
        reply: JSON.stringify(message.reply),
        cause,
        mail: message.mail === null ? null : JSON.stringify(message.mail),
        createdAt: now,
        nextAttemptAt: now,
      },
    });
    return id;
  },
  async claim(now, lease, limit, ids) {
    if (ids?.length === 0) return [];
    const only = ids ? Prisma.sql`AND "id" IN (${Prisma.join(ids)})` : Prisma.empty;
    const free = Prisma.sql`"sentAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${now})`;
    // Looking first keeps an idle pass a read: on SQLite an UPDATE takes the write lock even when
    // it matches nothing, and every tick of every process drains.
    const due = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "OutboxMessage" WHERE ${free} ${only} LIMIT 1`;
    if (due.length === 0) return [];
    const won = await db.$queryRaw<{ id: string }[]>`UPDATE "OutboxMessage"
      SET "leaseOwner" = ${lease.owner}, "leaseUntil" = ${lease.until}, "attempts" = "attempts" + 1
      WHERE ${free} AND "id" IN (SELECT "id" FROM "OutboxMessage" WHERE ${free} ${only} ORDER BY "createdAt", "id" LIMIT ${limit})
      RETURNING "id"`;
    if (won.length === 0) return [];
    const rows = await db.outboxMessage.findMany({ where: { id: { in: won.map((w) => w.id) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return rows.map(toMessage);
  },
  async markSent(ids, at) {
    if (ids.length === 0) return;
    await db.$executeRaw`UPDATE "OutboxMessage" SET "sentAt" = ${at}, "leaseOwner" = NULL, "leaseUntil" = NULL, "lastError" = NULL
      WHERE "id" IN (${Prisma.join(ids)}) AND "sentAt" IS NULL`;
  },
  async markRetry(id, lease, nextAttemptAt, errorKind, uncount) {
    await db.$executeRaw`UPDATE "OutboxMessage"
      SET "nextAttemptAt" = ${nextAttemptAt}, "lastError" = ${errorKind}, "leaseOwner" = NULL, "leaseUntil" = NULL,
        "attempts" = ${uncount ? Prisma.sql`"attempts" - 1` : Prisma.sql`"attempts"`}
      WHERE "id" = ${id} AND "leaseOwner" = ${lease.owner} AND "sentAt" IS NULL`;
  },
  async markFailed(id, lease, at, errorKind) {
    await db.$executeRaw`UPDATE "OutboxMessage" SET "failedAt" = ${at}, "lastError" = ${errorKind}, "leaseOwner" = NULL, "leaseUntil" = NULL
      WHERE "id" = ${id} AND "leaseOwner" = ${lease.owner} AND "sentAt" IS NULL`;
  },
  async recent(limit) {
    return (await db.outboxMessage.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit })).map(toRecord);
  },
});
