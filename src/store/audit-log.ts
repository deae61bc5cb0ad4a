import type { AuditAction, AuditEntry } from "../core/audit/event.ts";
import type { AuditLog } from "../core/audit/store.ts";
import type { TransactionContext } from "./outbox-store.ts";
import type { DbTx } from "./prisma-client.ts";

const toJson = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));
const fromJson = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

/** `context` learns each event's id, so a post enqueued after it in the transaction names it as its cause. */
export const auditLog = (db: DbTx, context?: TransactionContext): AuditLog => ({
  async record(event) {
    const row = await db.auditEvent.create({
      data: { ...event, before: toJson(event.before), after: toJson(event.after) },
      select: { id: true },
    });
    if (context) context.lastAuditEventId = row.id;
  },
  async countForGroup(groupId) {
    return db.auditEvent.count({ where: { groupId } });
  },
  async forGroup(groupId, limit, offset = 0) {
    const rows = await db.auditEvent.findMany({ where: { groupId }, orderBy: [{ at: "desc" }, { id: "desc" }], skip: offset, take: limit });
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
    const actors = await db.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } });
    const names = new Map(actors.map((a) => [a.id, a.displayName]));
    return rows.map(
      (row): AuditEntry => ({
        ...row,
        action: row.action as AuditAction,
        before: fromJson(row.before),
        after: fromJson(row.after),
        actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
      }),
    );
  },
});
