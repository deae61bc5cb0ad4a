import { minutesApprovalSchema, minutesStatusSchema } from "../core/meetings/minutes-state.ts";
import type { MinutesStore } from "../core/meetings/minutes-store.ts";
import { officialSchema } from "../core/meetings/officials.ts";
import { readInSlices } from "./id-slices.ts";
import type { DbTx } from "./prisma-client.ts";

const pickOfficial = (row: unknown) => officialSchema.parse(row);
const pickStatus = (row: unknown) => minutesStatusSchema.parse(row);
const pickApproval = (row: unknown) => minutesApprovalSchema.parse(row);

export const minutesStore = (db: DbTx): MinutesStore => ({
  async officials(meetingId) {
    return (await db.meetingOfficial.findMany({ where: { meetingId }, orderBy: [{ role: "asc" }, { position: "asc" }] })).map(pickOfficial);
  },
  async setOfficials(meetingId, role, officials) {
    await db.meetingOfficial.deleteMany({ where: { meetingId, role } });
    for (const o of officials) await db.meetingOfficial.create({ data: { meetingId, role, position: o.position, name: o.name, personId: o.personId } });
  },
  async status(meetingId) {
    const row = await db.minutesStatus.findUnique({ where: { meetingId } });
    return row && pickStatus(row);
  },
  async statuses(meetingIds) {
    return (await readInSlices([...meetingIds], (ids) => db.minutesStatus.findMany({ where: { meetingId: { in: ids } } }))).map(pickStatus);
  },
  async finalStatuses() {
    return (await db.minutesStatus.findMany({ where: { state: { in: ["checked", "approved"] } } })).map(pickStatus);
  },
  async saveStatus(status) {
    await db.minutesStatus.upsert({ where: { meetingId: status.meetingId }, create: status, update: status });
    // Mirrored on the meeting, where an index over group and time finds the drafts (the overview).
    await db.meeting.update({ where: { id: status.meetingId }, data: { minutesState: status.state } });
  },
  async approvals(meetingId) {
    return (await db.minutesApproval.findMany({ where: { meetingId }, orderBy: { approvedAt: "asc" } })).map(pickApproval);
  },
  async checkerCounts(meetingIds) {
    const rows = await readInSlices([...meetingIds], (ids) => db.meetingOfficial.groupBy({ by: ["meetingId"], where: { meetingId: { in: ids }, role: "checker" }, _count: { _all: true } }));
    return new Map(rows.map((row) => [row.meetingId, row._count._all]));
  },
  async approvalCounts(meetingIds) {
    const rows = await readInSlices([...meetingIds], (ids) => db.minutesApproval.groupBy({ by: ["meetingId"], where: { meetingId: { in: ids } }, _count: { _all: true } }));
    return new Map(rows.map((row) => [row.meetingId, row._count._all]));
  },
  async approve(approval) {
    const key = { meetingId_personId: { meetingId: approval.meetingId, personId: approval.personId } };
    await db.minutesApproval.upsert({ where: key, create: approval, update: { sha256: approval.sha256, approvedAt: approval.approvedAt } });
  },
  async clearApprovals(meetingId) {
    return (await db.minutesApproval.deleteMany({ where: { meetingId } })).count;
  },
});
