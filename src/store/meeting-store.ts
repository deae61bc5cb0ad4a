import {
  actionItemSchema,
  agendaItemSchema,
  attendanceSchema,
  meetingSchema,
  registrationSchema,
  type ActionItem,
  type AgendaItem,
  type Attendance,
  type Meeting,
  type Registration,
} from "../core/meetings/meeting.ts";
import type { MemberScope } from "../core/groups/member-scope.ts";
import type { MeetingKey, MeetingStore } from "../core/meetings/store.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { readInSlices } from "./id-slices.ts";
import { memberGroups, memberOfMany, ofMember } from "./member-groups.ts";
import type { DbTx } from "./prisma-client.ts";

// Rows are checked against the core's schemas on the way out: a status string the core does not
// know fails loudly here rather than as a wrong answer later.
const toMeeting = (row: unknown): Meeting => meetingSchema.parse(row);
const toItem = (row: unknown): AgendaItem => agendaItemSchema.parse(row);
const toAttendance = (row: unknown): Attendance => attendanceSchema.parse(row);
const toRegistration = (row: unknown): Registration => registrationSchema.parse(row);
const toAction = (row: unknown): ActionItem => actionItemSchema.parse(row);

// The agenda's order as agenda-order.ts numbers it: listed items (accepted, pending) by position,
// the standard opening items holding the lowest positions, the closing item last whatever its position.
const listed = { status: { in: ["accepted", "pending"] } };
const notClosing = { OR: [{ standard: null }, { standard: { not: "closing" } }] };
const agendaOrder = [{ position: "asc" as const }, { createdAt: "asc" as const }];

// A meeting's order in its group: by start, then number (unique in the group), so a key is a place.
const meetingOrder = [{ startsAt: "asc" as const }, { number: "asc" as const }];
const latestFirst = [{ startsAt: "desc" as const }, { number: "desc" as const }];
// The same order for rows read by id (in slices, so in no order of the database's).
const earlierFirst = (a: Meeting, b: Meeting) => a.startsAt.getTime() - b.startsAt.getTime() || a.number - b.number;
const beforeKey = (key: MeetingKey) => ({ OR: [{ startsAt: { lt: key.startsAt } }, { startsAt: key.startsAt, number: { lt: key.number } }] });
const atOrAfterKey = (key: MeetingKey) => ({ OR: [{ startsAt: { gt: key.startsAt } }, { startsAt: key.startsAt, number: { gte: key.number } }] });
const atOrBeforeKey = (key: MeetingKey) => ({ OR: [{ startsAt: { lt: key.startsAt } }, { startsAt: key.startsAt, number: { lte: key.number } }] });
const held = { status: { not: "cancelled" } };
// meeting list's split: an upcoming meeting starts now or later and is not closed; the rest are past.
const upcomingOf = (groupId: string, now: Date) => ({ groupId, startsAt: { gte: now }, status: { not: "closed" } });
const pastOf = (groupId: string, now: Date) => ({ groupId, OR: [{ startsAt: { lt: now } }, { status: "closed" }] });

/** The rows of the ids a raw query found, once each, in no particular order. */
const meetingsById = async (db: DbTx, found: readonly { id: string }[]) =>
  (await readInSlices([...new Set(found.map((r) => r.id))], (ids) => db.meeting.findMany({ where: { id: { in: ids } } }))).map(toMeeting);

export const meetingStore = (db: DbTx): MeetingStore => ({
  async create(input) {
    const last = await db.meeting.findFirst({ where: { groupId: input.groupId }, orderBy: { number: "desc" }, select: { number: true } });
    return toMeeting(await db.meeting.create({ data: { ...input, number: (last?.number ?? 0) + 1, status: "scheduled" } }));
  },
  async find(groupId, number) {
    const row = await db.meeting.findUnique({ where: { groupId_number: { groupId, number } } });
    return row && toMeeting(row);
  },
  async findById(id) {
    const row = await db.meeting.findUnique({ where: { id } });
    return row && toMeeting(row);
  },
  async list(groupId) {
    return (await db.meeting.findMany({ where: { groupId }, orderBy: meetingOrder })).map(toMeeting);
  },
  async countUpcomingAndPast(groupId, now) {
    // The whole group is counted off the (groupId, startsAt) index; the past are the rest.
    const [all, upcoming] = await Promise.all([db.meeting.count({ where: { groupId } }), db.meeting.count({ where: upcomingOf(groupId, now) })]);
    return { upcoming, past: all - upcoming };
  },
  async upcoming(groupId, now, { offset, limit }) {
    return (await db.meeting.findMany({ where: upcomingOf(groupId, now), orderBy: meetingOrder, skip: offset, take: limit })).map(toMeeting);
  },
  async past(groupId, now, { offset, limit }) {
    return (await db.meeting.findMany({ where: pastOf(groupId, now), orderBy: latestFirst, skip: offset, take: limit })).map(toMeeting);
  },
  async countHeld(groupId, from, to, before) {
    return db.meeting.count({ where: { groupId, ...held, startsAt: { gte: from, lt: to }, ...(before ? beforeKey(before) : {}) } });
  },
  async heldIds(groupId, first, last) {
    // The plain range on startsAt says what the keys' ORs do not: SQLite then reads only these
    // meetings off the (groupId, startsAt) index instead of every meeting of the group.
    const rows = await db.meeting.findMany({
      where: { groupId, ...held, startsAt: { gte: first.startsAt, lte: last.startsAt }, AND: [atOrAfterKey(first), atOrBeforeKey(last)] },
      orderBy: meetingOrder,
      select: { id: true },
    });
    return rows.map((row) => row.id);
  },
  async lastClosedBefore(groupId, before, exceptId) {
    const row = await db.meeting.findFirst({ where: { groupId, id: { not: exceptId }, closedAt: { lt: before } }, orderBy: { closedAt: "desc" }, select: { closedAt: true } });
    return row?.closedAt ?? null;
  },
  async calledFor(groupId, startsAt, exceptId) {
    const row = await db.meeting.findFirst({ where: { groupId, startsAt, status: { in: ["scheduled", "open"] }, ...(exceptId ? { id: { not: exceptId } } : {}) } });
    return row && toMeeting(row);
  },
  async nextScheduledAfter(groupId, after) {
    const row = await db.meeting.findFirst({ where: { groupId, status: "scheduled", startsAt: { gt: after } }, orderBy: meetingOrder });
    return row && toMeeting(row);
  },
  async nextScheduledInsteadOf(cancelled) {
    const { id, groupId, startsAt } = cancelled;
    const row = await db.meeting.findFirst({ where: { groupId, status: "scheduled", startsAt: { gte: startsAt }, id: { not: id } }, orderBy: meetingOrder });
    return row && toMeeting(row);
  },
  async latestWithMinutes(groupId) {
    const row = await db.meeting.findFirst({ where: { groupId, minutes: { not: null } }, orderBy: latestFirst });
    return row && toMeeting(row);
  },
  async firstOpenExcept(groupId, exceptId) {
    const row = await db.meeting.findFirst({ where: { groupId, status: "open", id: { not: exceptId } }, orderBy: meetingOrder });
    return row && toMeeting(row);
  },
  async aheadForMember(scope, now) {
    // The meetings ahead of every group, each checked for the person's membership. A deadline never
    // falls after its meeting's start (setDeadline refuses it), so the start alone bounds them.
    const member = ofMember(scope);
    const ids = await db.$queryRaw<{ id: string }[]>`SELECT m."id" FROM "Meeting" m ${member.join}
      WHERE (m."status" = 'open' OR (m."status" = 'scheduled' AND m."startsAt" >= ${now})) AND g."id" = m."groupId" AND ${member.where}`;
    return (await meetingsById(db, ids)).sort(earlierFirst);
  },
  async draftMinutesForMember(scope, { latest }) {
    // Only ids come back, the rows then in one read. The person's own drafts to check are found
    // from their checker rows (indexed by person), not by looking at every draft.
    const member = ofMember(scope);
    const toCheck = db.$queryRaw<{ id: string }[]>`SELECT m."id" FROM "MeetingOfficial" o CROSS JOIN "Meeting" m ${member.join}
      WHERE o."personId" = ${scope.personId} AND o."role" = 'checker' AND m."id" = o."meetingId" AND m."minutesState" = 'draft'
      AND g."id" = m."groupId" AND ${member.where}
      AND NOT EXISTS (SELECT 1 FROM "MinutesApproval" a WHERE a."meetingId" = m."id" AND a."personId" = ${scope.personId})`;
    const [toCheckIds, latestIds] = await Promise.all([toCheck, latestDraftIds(db, scope, latest)]);
    const rows = new Map((await meetingsById(db, [...toCheckIds, ...latestIds])).map((m) => [m.id, m]));
    const latestFirstOf = (found: { id: string }[]) => found.map((r) => rows.get(r.id)!).sort((a, b) => earlierFirst(b, a));
    return { toCheck: latestFirstOf(toCheckIds), latest: latestFirstOf(latestIds) };
  },
  async scheduledFromOrClosedIn(workspaceId, from, to) {
    // Prisma has no relation from a meeting to its group, so the workspace is joined in SQL; the ids, then the rows.
    const ids = await db.$queryRaw<{ id: string }[]>`SELECT m."id" FROM "Meeting" m JOIN "WorkingGroup" g ON g."id" = m."groupId"
      WHERE g."workspaceId" = ${workspaceId} AND g."archivedAt" IS NULL
      AND ((m."status" = 'scheduled' AND m."startsAt" >= ${to}) OR (m."status" = 'closed' AND m."closedAt" >= ${from} AND m."closedAt" < ${to}))`;
    return (await meetingsById(db, ids)).sort(earlierFirst);
  },
  async update(id, patch) {
    const row = await db.meeting.update({ where: { id }, data: patch });
    // Minutes are a draft until their status says otherwise (saveStatus keeps the column after that).
    if (typeof patch.minutes === "string" && row.minutesState === null) await db.meeting.update({ where: { id }, data: { minutesState: "draft" } });
    return toMeeting(row);
  },
  async items(meetingId) {
    return (await db.agendaItem.findMany({ where: { meetingId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] })).map(toItem);
  },
  async addItem(input) {
    return toItem(await db.agendaItem.create({ data: input }));
  },
  async agendaLength(meetingId) {
    // Closed (frozen) or not is one row's question; the count then runs once.
    const closed = await db.agendaItem.findFirst({ where: { meetingId, minutesNumber: { not: null } }, select: { id: true } });
    return db.agendaItem.count({ where: { meetingId, ...(closed ? { minutesNumber: { not: null } } : listed) } });
  },
  async agendaPage(meetingId, { offset, limit }) {
    // A closed meeting's items keep the numbers its minutes gave them.
    const frozen = await db.agendaItem.findMany({ where: { meetingId, minutesNumber: { not: null } }, orderBy: { minutesNumber: "asc" }, skip: offset, take: limit });
    if (frozen.length) return frozen.map((row) => ({ ...toItem(row), number: row.minutesNumber! }));
    const open = { meetingId, minutesNumber: null, ...listed };
    const rows = await db.agendaItem.findMany({ where: { ...open, ...notClosing }, orderBy: agendaOrder, skip: offset, take: limit });
    const page = rows.map((row, i) => ({ ...toItem(row), number: offset + i + 1 }));
    // A full window leaves no room for the closing item; only a short one (the end) needs the count.
    const before = rows.length === limit ? Infinity : await db.agendaItem.count({ where: { ...open, ...notClosing } });
    if (before >= offset && before < offset + limit) {
      const closing = await db.agendaItem.findFirst({ where: { ...open, standard: "closing" }, orderBy: agendaOrder });
      if (closing) page.push({ ...toItem(closing), number: before + 1 });
    }
    return page;
  },
  async standardCount(meetingId) {
    const closing = await db.agendaItem.count({ where: { meetingId, ...listed, standard: "closing" } });
    const opening = await db.agendaItem.count({ where: { meetingId, ...listed, standard: { not: null }, NOT: { standard: "closing" } } });
    return { opening, closing };
  },
  async nextPosition(meetingId) {
    // Read from the top of the (meetingId, position) index down: the closing item is passed over, not the agenda.
    const last = await db.agendaItem.findFirst({ where: { meetingId, ...notClosing }, orderBy: { position: "desc" }, select: { position: true } });
    return (last?.position ?? 0) + 1;
  },
  async itemsWithStatus(meetingId, status) {
    return (await db.agendaItem.findMany({ where: { meetingId, status }, orderBy: agendaOrder })).map(toItem);
  },
  async shiftPositions(meetingId, from, to, by) {
    await db.agendaItem.updateMany({ where: { meetingId, standard: null, position: { gte: from, lte: to } }, data: { position: { increment: by } } });
  },
  async current(groupId) {
    const open = await db.meeting.findFirst({ where: { groupId, status: "open" }, orderBy: [{ startsAt: "asc" }, { number: "asc" }] });
    const row = open ?? (await db.meeting.findFirst({ where: { groupId, status: "scheduled" }, orderBy: [{ startsAt: "asc" }, { number: "asc" }] }));
    return row && toMeeting(row);
  },
  async updateItem(id, patch) {
    return toItem(await db.agendaItem.update({ where: { id }, data: patch }));
  },
  async carriedOver(groupId, beforeMeetingId) {
    // Deferred items wait only until the next meeting takes them, so there are few in the whole
    // database; the group's own are kept by asking only about their meetings, not the group's history.
    const rows = await db.agendaItem.findMany({
      where: { status: "deferred", meetingId: { not: beforeMeetingId } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const meetingIds = [...new Set(rows.map((row) => row.meetingId))];
    const ours = new Set((await readInSlices(meetingIds, (ids) => db.meeting.findMany({ where: { id: { in: ids }, groupId }, select: { id: true } }))).map((m) => m.id));
    return rows.filter((row) => ours.has(row.meetingId)).map(toItem);
  },
  async attendance(meetingId) {
    return (await db.attendance.findMany({ where: { meetingId } })).map(toAttendance);
  },
  async attend(input) {
    const key = { meetingId_personId: { meetingId: input.meetingId, personId: input.personId } };
    await db.attendance.upsert({ where: key, create: input, update: { mode: input.mode, forMemberId: input.forMemberId } });
  },
  async removeAttendance(meetingId, personId) {
    await db.attendance.deleteMany({ where: { meetingId, personId } });
  },
  async registrations(meetingId) {
    return (await db.meetingRegistration.findMany({ where: { meetingId }, orderBy: { registeredAt: "asc" } })).map(toRegistration);
  },
  async register(input) {
    const key = { meetingId_personId: { meetingId: input.meetingId, personId: input.personId } };
    await db.meetingRegistration.upsert({ where: key, create: input, update: { mode: input.mode, registeredAt: input.registeredAt, registeredById: input.registeredById } });
  },
  async unregister(meetingId, personId) {
    return (await db.meetingRegistration.deleteMany({ where: { meetingId, personId } })).count > 0;
  },
  async addAction(input) {
    const last = await db.actionItem.findFirst({ where: { groupId: input.groupId }, orderBy: { number: "desc" }, select: { number: true } });
    return toAction(await db.actionItem.create({ data: { ...input, number: (last?.number ?? 0) + 1 } }));
  },
  async findAction(groupId, number) {
    const row = await db.actionItem.findUnique({ where: { groupId_number: { groupId, number } } });
    return row && toAction(row);
  },
  async updateAction(id, patch) {
    return toAction(await db.actionItem.update({ where: { id }, data: patch }));
  },
  async actionsOfMeeting(groupId, meetingId) {
    // The (meetingId, number) index finds them; the group in the filter only keeps the answer to the group asked about.
    return (await db.actionItem.findMany({ where: { groupId, meetingId }, orderBy: { number: "asc" } })).map(toAction);
  },
  async actionsOfGroupByDue(groupId, { offset, limit }) {
    return (await db.actionItem.findMany({ where: { groupId }, orderBy: [{ dueDate: "asc" }, { number: "asc" }], skip: offset, take: limit })).map(toAction);
  },
  async countActionsOfGroup(groupId) {
    return db.actionItem.count({ where: { groupId } });
  },
  async openActionsOfPerson(personId, { offset, limit }) {
    const rows = await db.actionItem.findMany({ where: { ownerId: personId, doneAt: null }, orderBy: [{ dueDate: "asc" }, { number: "asc" }], skip: offset, take: limit });
    return rows.map(toAction);
  },
  async countOpenActionsOfPerson(personId) {
    return db.actionItem.count({ where: { ownerId: personId, doneAt: null } });
  },
});

/**
 * The ids of the latest `latest` draft minutes of the person's groups. Each group gives its own
 * latest (an index range from the `latest`-th newest on), which hold every draft that can be among
 * them; only those are sorted. The groups are the person's memberships, or for a member of many,
 * the groups that have drafts at all, found by stepping along the index from one group to the next.
 */
async function latestDraftIds(db: DbTx, scope: MemberScope, latest: number): Promise<{ id: string }[]> {
  const newestOfGroup = Prisma.sql`(SELECT MIN(newest."startsAt") FROM (SELECT y."startsAt" FROM "Meeting" y
    WHERE y."minutesState" = 'draft' AND y."groupId" = g."id" ORDER BY y."startsAt" DESC, y."number" DESC LIMIT ${latest}) AS newest)`;
  const drafts = Prisma.sql`CROSS JOIN "Meeting" x WHERE x."minutesState" = 'draft' AND x."groupId" = g."id" AND x."startsAt" >= ${newestOfGroup}`;
  const latestFirst = Prisma.sql`ORDER BY x."startsAt" DESC, x."number" DESC, x."id" LIMIT ${latest}`;
  if (!(await memberOfMany(db, scope.personId))) {
    const member = memberGroups(scope);
    return db.$queryRaw`SELECT x."id" FROM ${member.from} ${drafts} AND ${member.where} ${latestFirst}`;
  }
  const member = ofMember(scope);
  return db.$queryRaw`WITH RECURSIVE drafted("groupId") AS (
      SELECT MIN("groupId") FROM "Meeting" WHERE "minutesState" = 'draft'
      UNION ALL
      SELECT (SELECT MIN(m."groupId") FROM "Meeting" m WHERE m."minutesState" = 'draft' AND m."groupId" > d."groupId") FROM drafted d WHERE d."groupId" IS NOT NULL
    )
    SELECT x."id" FROM drafted d ${member.join} ${drafts} AND g."id" = d."groupId" AND ${member.where} ${latestFirst}`;
}
