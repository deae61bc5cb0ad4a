import type { MemberScope } from "../core/groups/member-scope.ts";
import { Prisma } from "../generated/prisma/client.ts";

/**
 * The person's active groups of the workspace as `g`, for a query to join its rows to (`JOIN x ON
 * x."groupId" = g."id"`), with the condition its WHERE must hold. The same SQL on SQLite and
 * PostgreSQL: Prisma has no relation from a meeting, decision or election to its group.
 *
 * CROSS JOIN keeps SQLite (which has no statistics here) reading the person's memberships first
 * (indexed by person) instead of every group of the workspace; PostgreSQL plans it as any join.
 */
export const memberGroups = ({ personId, workspaceId }: MemberScope) => ({
  from: Prisma.sql`"Membership" ms CROSS JOIN "WorkingGroup" g`,
  where: Prisma.sql`ms."personId" = ${personId} AND g."id" = ms."groupId" AND g."workspaceId" = ${workspaceId} AND g."archivedAt" IS NULL`,
});
