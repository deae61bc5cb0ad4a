import { decisionSchema, decisionVoterSchema, type Decision } from "../core/decisions/decision.ts";
import type { DecisionStore } from "../core/decisions/store.ts";
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
  async openOfGroup(groupId) {
    return (await db.decision.findMany({ where: { groupId, state: "open" }, orderBy: { number: "desc" } })).map(toDecision);
  },
  // Two reads, not one with OR: SQLite (which keeps no statistics here) answers the OR by walking
  // every decision of the group along the unique key, where each half alone has an index.
  async openOrDecidedIn(groupId, from, to) {
    const open = await db.decision.findMany({ where: { groupId, state: "open", createdAt: { lt: to } }, orderBy: { number: "desc" } });
    const decided = await db.decision.findMany({ where: { groupId, outcome: { not: null }, closedAt: { gte: from, lt: to } }, orderBy: { number: "desc" } });
    const rows = new Map([...open, ...decided].map((row) => [row.number, row]));
    return [...rows.values()].sort((a, b) => b.number - a.number).map(toDecision);
  },
  async due(now) {
    return (await db.decision.findMany({ where: { state: "open", deadline: { lte: now } }, orderBy: { deadline: "asc" } })).map(toDecision);
  },
  async voters(decisionId) {
    const rows = await db.decisionVoter.findMany({ where: { decisionId }, orderBy: { id: "asc" } });
    return rows.map((row) => decisionVoterSchema.parse(row));
  },
  async answer(decisionId, seatPersonId, answer, answeredBy, at) {
    await db.decisionVoter.update({ where: { decisionId_personId: { decisionId, personId: seatPersonId } }, data: { answer, answeredBy, answeredAt: at } });
  },
  async close(id, closing) {
    const { count } = await db.decision.updateMany({ where: { id, state: "open" }, data: { state: "closed", ...closing } });
    return count === 1;
  },
});
