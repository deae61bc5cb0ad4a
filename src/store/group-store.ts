import { groupNameKey, roleSchema, type Group, type MemberView, type Membership } from "../core/groups/group.ts";
import { readGroupRules } from "../core/groups/rules.ts";
import { skeletonColumns } from "./name-skeletons.ts";
import type { GroupStore } from "../core/groups/store.ts";
import type { MembershipRequest, RequestView } from "../core/groups/request.ts";
import type { Membership as MembershipRow, MembershipRequest as RequestRow, WorkingGroup } from "../generated/prisma/client.ts";
import { rowsInIdOrder } from "./id-slices.ts";
import { memberGroups } from "./member-groups.ts";
import type { DbTx } from "./prisma-client.ts";

// The order of the (workspaceId, nameKey) index, for rows ordered after they are read.
const byNameKey = (a: WorkingGroup, b: WorkingGroup) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0);

const toGroup = (row: WorkingGroup): Group => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  channelId: row.channelId,
  archivedAt: row.archivedAt,
  rules: readGroupRules(JSON.parse(row.rules)),
  createdAt: row.createdAt,
});

const toMembership = (row: MembershipRow): Membership => ({
  groupId: row.groupId,
  personId: row.personId,
  role: roleSchema.parse(row.role),
  deputyOfId: row.deputyOfId,
  joinedAt: row.joinedAt,
});

const toRequest = (row: RequestRow): MembershipRequest => ({
  groupId: row.groupId,
  personId: row.personId,
  requestedAt: row.requestedAt,
});

const memberKey = (groupId: string, personId: string) => ({ groupId_personId: { groupId, personId } });

export const groupStore = (db: DbTx): GroupStore => ({
  async findByName(workspaceId, name) {
    const row = await db.workingGroup.findUnique({
      where: { workspaceId_nameKey: { workspaceId, nameKey: groupNameKey(name) } },
    });
    return row && toGroup(row);
  },
  async findById(id) {
    const row = await db.workingGroup.findUnique({ where: { id } });
    return row && toGroup(row);
  },
  async list(workspaceId, { includeArchived, window }) {
    const rows = await db.workingGroup.findMany({
      where: { workspaceId, ...(includeArchived ? {} : { archivedAt: null }) },
      orderBy: { nameKey: "asc" },
      ...(window ? { skip: window.offset, take: window.limit } : {}),
    });
    return rows.map(toGroup);
  },
  async foundedOrArchivedIn(workspaceId, from, to) {
    const within = { gte: from, lt: to };
    const rows = await db.workingGroup.findMany({ where: { workspaceId, OR: [{ createdAt: within }, { archivedAt: within }] }, orderBy: { nameKey: "asc" } });
    return rows.map(toGroup);
  },
  async matching(workspaceId, typedKey, limit) {
    const active = { workspaceId, archivedAt: null };
    const starting = await db.workingGroup.findMany({ where: { ...active, nameKey: { startsWith: typedKey } }, orderBy: { nameKey: "asc" }, take: limit });
    const rest = starting.length < limit ? await db.workingGroup.findMany({ where: { ...active, nameKey: { contains: typedKey }, NOT: { nameKey: { startsWith: typedKey } } }, orderBy: { nameKey: "asc" }, take: limit - starting.length }) : [];
    return [...starting, ...rest].map(toGroup);
  },
  async count(workspaceId, { includeArchived }) {
    return db.workingGroup.count({ where: { workspaceId, ...(includeArchived ? {} : { archivedAt: null }) } });
  },
  async listForPerson(personId) {
    // From the person's memberships (indexed by person): asking every group whether the person is
    // in it walked all the groups of the database.
    const rows = await db.membership.findMany({ where: { personId, group: { archivedAt: null } }, select: { group: true } });
    return rows
      .map((row) => row.group)
      .sort(byNameKey)
      .map(toGroup);
  },
  async holdsRoleInAny(personId, roles) {
    return (await db.membership.findFirst({ where: { personId, role: { in: [...roles] }, group: { archivedAt: null } }, select: { id: true } })) !== null;
  },
  async firstOfMember(scope, limit) {
    // The person's memberships in their groups' name order, read off the (personId, groupNameKey) index.
    const member = memberGroups(scope);
    const ids = await db.$queryRaw<{ id: string }[]>`SELECT g."id" FROM ${member.from} WHERE ${member.where} ORDER BY ms."groupNameKey" LIMIT ${limit}`;
    return (await rowsInIdOrder(ids, (slice) => db.workingGroup.findMany({ where: { id: { in: slice } } }))).map(toGroup);
  },
  async create({ workspaceId, name }) {
    return toGroup(await db.workingGroup.create({ data: { workspaceId, name, nameKey: groupNameKey(name), ...skeletonColumns(name) } }));
  },
  async findConfusable(workspaceId, name, exceptId) {
    // Rows written before the skeleton columns get theirs once, here.
    const unfilled = await db.workingGroup.findMany({ where: { workspaceId, skeletonCased: null }, select: { id: true, name: true } });
    for (const row of unfilled) await db.workingGroup.update({ where: { id: row.id }, data: skeletonColumns(row.name) });
    const { skeletonCased, skeletonLower } = skeletonColumns(name);
    // The workspace in each branch of the OR, and no ORDER BY: so SQLite looks each skeleton up in
    // its (workspaceId, skeleton) index. Written `workspaceId AND (cased OR lower)`, or ordered by
    // name, it walked every group of the workspace. The few look-alikes are then ordered here.
    const rows = await db.workingGroup.findMany({
      where: { ...(exceptId ? { NOT: { id: exceptId } } : {}), OR: [{ workspaceId, skeletonCased }, { workspaceId, skeletonLower }] },
    });
    const [first] = rows.sort(byNameKey);
    return first ? toGroup(first) : null;
  },
  async sharingChannel(workspaceId, channelId, exceptId, limit) {
    const rows = await db.workingGroup.findMany({ where: { workspaceId, channelId, archivedAt: null, id: { not: exceptId } }, orderBy: { nameKey: "asc" }, take: limit });
    return rows.map(toGroup);
  },
  async update(id, patch) {
    const { rules, ...rest } = patch;
    const data = {
      ...rest,
      ...(patch.name === undefined ? {} : { nameKey: groupNameKey(patch.name), ...skeletonColumns(patch.name) }),
      ...(rules === undefined ? {} : { rules: JSON.stringify(rules) }),
    };
    const row = await db.workingGroup.update({ where: { id }, data });
    if (patch.name !== undefined) await db.membership.updateMany({ where: { groupId: id }, data: { groupNameKey: row.nameKey } });
    return toGroup(row);
  },
  async lock(groupId) {
    await db.$executeRaw`UPDATE "WorkingGroup" SET "rules" = "rules" WHERE "id" = ${groupId}`;
  },
  async members(groupId) {
    const rows = await db.membership.findMany({ where: { groupId }, include: { person: true }, orderBy: { joinedAt: "asc" } });
    return rows.map(
      (row): MemberView => ({
        ...toMembership(row),
        displayName: row.person.displayName,
        externalId: row.person.externalId,
        organisation: row.person.organisation,
        sector: row.person.sector,
      }),
    );
  },
  async membership(groupId, personId) {
    const row = await db.membership.findUnique({ where: memberKey(groupId, personId) });
    return row && toMembership(row);
  },
  async addMember({ groupId, personId, role }) {
    const { nameKey } = await db.workingGroup.findUniqueOrThrow({ where: { id: groupId }, select: { nameKey: true } });
    return toMembership(await db.membership.create({ data: { groupId, personId, role, groupNameKey: nameKey } }));
  },
  async updateMember(groupId, personId, patch) {
    return toMembership(await db.membership.update({ where: memberKey(groupId, personId), data: patch }));
  },
  async removeMember(groupId, personId) {
    await db.membership.delete({ where: memberKey(groupId, personId) });
  },
  async requests(groupId) {
    const rows = await db.membershipRequest.findMany({ where: { groupId }, include: { person: true }, orderBy: { requestedAt: "asc" } });
    return rows.map(
      (row): RequestView => ({
        ...toRequest(row),
        displayName: row.person.displayName,
        externalId: row.person.externalId,
      }),
    );
  },
  async request(groupId, personId) {
    const row = await db.membershipRequest.findUnique({ where: memberKey(groupId, personId) });
    return row && toRequest(row);
  },
  async addRequest({ groupId, personId, requestedAt }) {
    return toRequest(await db.membershipRequest.create({ data: { groupId, personId, requestedAt } }));
  },
  async removeRequest(groupId, personId) {
    const { count } = await db.membershipRequest.deleteMany({ where: { groupId, personId } });
    return count > 0;
  },
});
