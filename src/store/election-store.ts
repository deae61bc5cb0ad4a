import {
  deputyModeSchema,
  electionMethodSchema,
  type BallotChoices,
  type CandidateStatus,
  type Election,
  type ElectionCandidate,
  type ElectionResult,
  type ElectionState,
  type Teller,
} from "../core/elections/election.ts";
import type { Seat } from "../core/elections/seats.ts";
import type { ElectionPatch, ElectionStore } from "../core/elections/store.ts";
import type { Election as ElectionRow, ElectionCandidate as CandidateRow, ElectionVoter as VoterRow } from "../generated/prisma/client.ts";
import { rowsInIdOrder } from "./id-slices.ts";
import { ofMember } from "./member-groups.ts";
import type { DbTx } from "./prisma-client.ts";
import { shortId } from "./short-id.ts";

const toElection = (row: ElectionRow): Election => ({
  ...row,
  method: electionMethodSchema.parse(row.method),
  deputyMode: deputyModeSchema.parse(row.deputyMode),
  quotas: JSON.parse(row.quotas) as Record<string, number>,
  criteria: JSON.parse(row.criteria) as string[],
  state: row.state as ElectionState,
  result: row.result === null ? null : (JSON.parse(row.result) as ElectionResult),
  tellers: row.tellers === null ? [] : (JSON.parse(row.tellers) as Teller[]),
});

const toSeat = (row: VoterRow): Seat => ({ memberId: row.personId, deputyId: row.deputyId, prevented: row.prevented, hasVoted: row.hasVoted, byDeputy: row.byDeputy });

const toCandidate = (row: CandidateRow): ElectionCandidate => ({ ...row, status: row.status as CandidateStatus });

const toData = (patch: ElectionPatch) => {
  const { quotas, criteria, result, tellers, ...rest } = patch;
  return {
    ...rest,
    ...(quotas === undefined ? {} : { quotas: JSON.stringify(quotas) }),
    ...(criteria === undefined ? {} : { criteria: JSON.stringify(criteria) }),
    ...(result === undefined ? {} : { result: JSON.stringify(result) }),
    ...(tellers === undefined ? {} : { tellers: JSON.stringify(tellers) }),
  };
};

const createdOrder = [{ createdAt: "asc" as const }, { id: "asc" as const }];

export const electionStore = (db: DbTx): ElectionStore => ({
  async create(input) {
    return toElection(await db.election.create({ data: { id: shortId("e"), ...input, state: "draft" } }));
  },
  async find(id) {
    const row = await db.election.findUnique({ where: { id } });
    return row && toElection(row);
  },
  async listForGroup(groupId, window) {
    const rows = await db.election.findMany({ where: { groupId }, orderBy: createdOrder, ...(window ? { skip: window.offset, take: window.limit } : {}) });
    return rows.map(toElection);
  },
  async inProgressForMember(scope) {
    // The workspace's elections in progress, each checked for the person's membership.
    const member = ofMember(scope);
    const ids = await db.$queryRaw<{ id: string }[]>`SELECT e."id" FROM "Election" e ${member.join}
      WHERE e."workspaceId" = ${scope.workspaceId} AND e."state" IN ('nominating', 'voting') AND g."id" = e."groupId" AND ${member.where}
      ORDER BY g."nameKey", e."createdAt", e."id"`;
    return (await rowsInIdOrder(ids, (slice) => db.election.findMany({ where: { id: { in: slice } } }))).map(toElection);
  },
  async closedIn(workspaceId, from, to) {
    return (await db.election.findMany({ where: { workspaceId, closedAt: { gte: from, lt: to } }, orderBy: createdOrder })).map(toElection);
  },
  async closedAfterThrough(groupId, after, through) {
    const closedAt = after ? { gt: after, lte: through } : { lte: through };
    return (await db.election.findMany({ where: { groupId, closedAt }, orderBy: [{ closedAt: "asc" }, { id: "asc" }] })).map(toElection);
  },
  async certifiedOfGroup(groupId) {
    return (await db.election.findMany({ where: { groupId, state: "certified" }, orderBy: createdOrder })).map(toElection);
  },
  async countForGroup(groupId) {
    return db.election.count({ where: { groupId } });
  },
  async votingInGroup(groupId) {
    const row = await db.election.findFirst({ where: { groupId, state: "voting" }, orderBy: createdOrder });
    return row && toElection(row);
  },
  // Only the ids: the rows hold each election's whole record.
  async certifiedGroupIds() {
    const rows = await db.election.findMany({ where: { state: "certified" }, orderBy: [{ certifiedAt: "desc" }, { id: "asc" }], select: { groupId: true } });
    return [...new Set(rows.map((row) => row.groupId))];
  },
  async update(id, patch) {
    return toElection(await db.election.update({ where: { id }, data: toData(patch) }));
  },
  async candidates(electionId) {
    const rows = await db.electionCandidate.findMany({ where: { electionId }, orderBy: [{ number: "asc" }, { nominatedAt: "asc" }, { id: "asc" }] });
    return rows.map(toCandidate);
  },
  async addCandidate(input) {
    return toCandidate(await db.electionCandidate.create({ data: input }));
  },
  async updateCandidate(id, patch) {
    return toCandidate(await db.electionCandidate.update({ where: { id }, data: patch }));
  },
  async fixRoll(electionId, seats) {
    for (const seat of seats) await db.electionVoter.create({ data: { electionId, personId: seat.memberId, deputyId: seat.deputyId } });
  },
  async seatFor(electionId, personId) {
    // The election in each branch of the OR: SQLite then looks both up in their (electionId, …)
    // indexes instead of walking the whole roll (see group-store's findConfusable).
    const row = await db.electionVoter.findFirst({ where: { OR: [{ electionId, personId }, { electionId, deputyId: personId }] }, orderBy: { id: "asc" } });
    return row && toSeat(row);
  },
  async roll(electionId) {
    return (await db.electionVoter.findMany({ where: { electionId }, orderBy: { id: "asc" } })).map(toSeat);
  },
  async pendingSeats(electionId) {
    return (await db.electionVoter.findMany({ where: { electionId, hasVoted: false }, orderBy: { id: "asc" } })).map(toSeat);
  },
  async rollCounts(electionId) {
    const voters = await db.electionVoter.count({ where: { electionId } });
    const voted = await db.electionVoter.count({ where: { electionId, hasVoted: true } });
    const byDeputy = await db.electionVoter.count({ where: { electionId, hasVoted: true, byDeputy: true } });
    return { voters, voted, byDeputy };
  },
  // One raw statement, not updateMany: Prisma wraps that in a transaction spanning awaits, and a
  // second SQLite connection waiting on its lock blocks the whole thread (see reminder-store.ts).
  async claimSeat(electionId, claim) {
    const count =
      claim.by === "member"
        ? await db.$executeRaw`UPDATE "ElectionVoter" SET "hasVoted" = TRUE, "byDeputy" = FALSE
            WHERE "electionId" = ${electionId} AND "personId" = ${claim.memberId} AND "prevented" = FALSE
              AND ("hasVoted" = FALSE OR "byDeputy" = TRUE)`
        : await db.$executeRaw`UPDATE "ElectionVoter" SET "hasVoted" = TRUE, "byDeputy" = TRUE
            WHERE "electionId" = ${electionId} AND "personId" = ${claim.memberId} AND "deputyId" = ${claim.deputyId}
              AND "hasVoted" = FALSE AND ("prevented" = TRUE OR ${claim.onlyIfPrevented ? 0 : 1} = 1)`;
    return count === 1;
  },
  async declarePrevented(electionId, memberId) {
    const { count } = await db.electionVoter.updateMany({ where: { electionId, personId: memberId, hasVoted: false, prevented: false }, data: { prevented: true } });
    return count === 1;
  },
  async createSeal(electionId, record) {
    await db.electionSeal.create({ data: { electionId, ...record } });
  },
  async ensureSeal(electionId, record) {
    return db.electionSeal.upsert({ where: { electionId }, create: { electionId, ...record }, update: {}, select: { salt: true, check: true } });
  },
  async seal(electionId) {
    return db.electionSeal.findUnique({ where: { electionId }, select: { salt: true, check: true } });
  },
  async seals() {
    const rows = await db.electionSeal.findMany();
    return rows.map(({ electionId, salt, check }) => ({ electionId, record: { salt, check } }));
  },
  async addSealedBallot(electionId, id, sealed) {
    await db.sealedBallot.create({ data: { id, electionId, sealed } });
  },
  async sealedBallots(electionId) {
    return (await db.sealedBallot.findMany({ where: { electionId }, select: { sealed: true } })).map((row) => row.sealed);
  },
  async destroySeal(electionId) {
    await db.sealedBallot.deleteMany({ where: { electionId } });
    await db.electionSeal.deleteMany({ where: { electionId } });
  },
  async writeBallotBox(electionId, ballots) {
    await db.electionBallot.deleteMany({ where: { electionId } });
    // One statement, rows in the order given (shuffled by the caller): in PostgreSQL they share
    // the closing transaction's xmin and take ctids in that order; in SQLite, pages in that order.
    await db.electionBallot.createMany({ data: ballots.map((b) => ({ receipt: b.receipt, electionId, choices: JSON.stringify(b.choices) })) });
  },
  async ballots(electionId) {
    const rows = await db.electionBallot.findMany({ where: { electionId }, orderBy: { receipt: "asc" } });
    return rows.map((row) => ({ receipt: row.receipt, choices: JSON.parse(row.choices) as BallotChoices }));
  },
});
