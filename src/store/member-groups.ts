import type { MemberScope } from "../core/groups/member-scope.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { DbTx } from "./prisma-client.ts";

/*
 * A person's groups meet the rest of the data from one of two sides. From the memberships (indexed
 * by person) for their groups themselves, in name order. From the rows that are live (meetings
 * ahead, elections and decisions in progress), each checked against the memberships' unique index:
 * there are few of those whatever the number of groups, and past ones are never read. Draft
 * minutes, which pile up, come group by group (each one's latest only), the groups from the
 * memberships or, for a member of many (memberOfMany), from the groups that have drafts at all.
 * SQLite keeps no statistics here, so the queries say which side to read first (CROSS JOIN keeps
 * its order); PostgreSQL plans them as any join. The same SQL on both: Prisma has no relation from
 * a meeting, decision or election to its group.
 */

/**
 * The person's active groups of the workspace as `g`, read from their memberships (indexed by
 * person), for a query to join its rows to (`JOIN x ON x."groupId" = g."id"`) with the condition its
 * WHERE must hold.
 */
export const memberGroups = ({ personId, workspaceId }: MemberScope) => ({
  from: Prisma.sql`"Membership" ms CROSS JOIN "WorkingGroup" g`,
  where: Prisma.sql`ms."personId" = ${personId} AND g."id" = ms."groupId" AND ${activeInWorkspace(workspaceId)}`,
});

/**
 * The group `g` of a row already read (`FROM "Meeting" m ${ofMember(…)}`, with `g."id" = m."groupId"`
 * in its WHERE): the joined group and the condition that it is one of the person's active groups.
 */
export const ofMember = ({ personId, workspaceId }: MemberScope) => ({
  join: Prisma.sql`CROSS JOIN "WorkingGroup" g`,
  where: Prisma.sql`${activeInWorkspace(workspaceId)} AND ${isMember(personId)}`,
});

const activeInWorkspace = (workspaceId: string) => Prisma.sql`g."workspaceId" = ${workspaceId} AND g."archivedAt" IS NULL`;
const isMember = (personId: string) => Prisma.sql`EXISTS (SELECT 1 FROM "Membership" ms WHERE ms."groupId" = g."id" AND ms."personId" = ${personId})`;

/**
 * Whether the person's groups are better found from the other side: true from this many
 * memberships on, where reading them all costs more than the live rows they would be joined to.
 */
const manyGroups = 64;

export async function memberOfMany(db: DbTx, personId: string): Promise<boolean> {
  // Counted up to the threshold only, so that the question costs the same for the secretary.
  const [row] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "Membership" WHERE "personId" = ${personId} LIMIT ${manyGroups}) AS mine`;
  return Number(row?.n ?? 0) >= manyGroups;
}
