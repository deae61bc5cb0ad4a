import { decisionSchema, decisionVoterSchema, type Decision } from "../core/decisions/decision.ts";
import type { DecisionStore } from "../core/decisions/store.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { readInSlices, rowsInIdOrder } from "./id-slices.ts";
import { ofMember } from "./member-groups.ts";
import type { DbTx } from "./prisma-client.ts";

const toDecision = (row: unknown): Decision => decisionSchema.parse(row);

export const decisionStore = (db: DbTx): DecisionStore => ({
  async create(input, roll) {
    const last = await db.decision.findFirst({ where: { groupId: input.groupId }, orderBy: { number: "desc" }, select: { number: true } });
    const row = await db.decision.create({
      data: { ...input, number: (last?.number ?? 0) + 1, state: "open", voters: { create: roll.map((seat) => ({ ...seat })) } },
    });
    return toDecision(row);
  },
  async find(groupId, number) {
    const row = await db.decision.findUnique({ where: { groupId_number: { groupId, number } } });
    return row && toDecision(row);
  },
  async findById(id) {
    const row = await db.decision.findUnique({ where: { id } });
    return row && toDecision(row);
  },
  async list(groupId) {
    return (await db.decision.findMany({ where: { groupId }, orderBy: { number: "desc" } })).map(toDecision);
  },
  async openInGroup(groupId) {
    const row = await db.decision.findFirst({ where: { groupId, state: "open" }, orderBy: { number: "asc" } });
    return row && toDecision(row);
  },
  async openForMember(scope) {
    // The open decisions of every group, each checked for the person's membership.
    const member = ofMember(scope);
    const ids = await db.$queryRaw<{ id: string }[]>`SELECT d."id" FROM "Decision" d ${member.join}
      WHERE d."state" = 'open' AND g."id" = d."groupId" AND ${member.where} ORDER BY g."nameKey", d."number" DESC`;
    return (await rowsInIdOrder(ids, (slice) => db.decision.findMany({ where: { id: { in: slice } } }))).map(toDecision);
  },
  // Prisma has no relation from a decision to its group, so the workspace is joined in SQL; the ids,
  // then the rows. The open ones and the decided ones are two reads, not one with OR: SQLite (which
  // keeps no statistics here) answers the OR by walking every decision, where each half has an index.
  async openOrDecidedIn(workspaceId, from, to) {
    const inWorkspace = Prisma.sql`FROM "Decision" d JOIN "WorkingGroup" g ON g."id" = d."groupId" WHERE g."workspaceId" = ${workspaceId} AND g."archivedAt" IS NULL`;
    const [open, decided] = await Promise.all([
      db.$queryRaw<{ id: string }[]>`SELECT d."id" ${inWorkspace} AND d."state" = 'open' AND d."createdAt" < ${to}`,
      db.$queryRaw<{ id: string }[]>`SELECT d."id" ${inWorkspace} AND d."outcome" IS NOT NULL AND d."closedAt" >= ${from} AND d."closedAt" < ${to}`,
    ]);
    const ids = [...new Set([...open, ...decided].map((row) => row.id))];
    const rows = await readInSlices(ids, (slice) => db.decision.findMany({ where: { id: { in: slice } } }));
    return rows.sort((a, b) => b.number - a.number).map(toDecision);
  },
  async due(now) {
    return (await db.decision.findMany({ where: { state: "open", deadline: { lte: now } }, orderBy: { deadline: "asc" } })).map(toDecision);
  },
  async voters(decisionId) {
    const rows = await db.decisionVoter.findMany({ where: { decisionId }, orderBy: { id: "asc" } });
    return rows.map((row) => decisionVoterSchema.parse(row));
  },
  async declarePrevented(decisionId, personId) {
    const { count } = await db.decisionVoter.updateMany({
      where: { decisionId, personId, prevented: false, OR: [{ answeredBy: null }, { answeredBy: { not: personId } }] },
      data: { prevented: true },
    });
    return count === 1;
  },
  async answer(decisionId, seatPersonId, answer, answeredBy, at) {
    await db.decisionVoter.update({ where: { decisionId_personId: { decisionId, personId: seatPersonId } }, data: { answer, answeredBy, answeredAt: at } });
  },
  async close(id, closing) {
    const { count } = await db.decision.updateMany({ where: { id, state: "open" }, data: { state: "closed", ...closing } });
    return count === 1;
  },
});
