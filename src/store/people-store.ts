import { localeSchema } from "../i18n/locale.ts";
import type { Person } from "../core/people/person.ts";
import type { PeopleStore } from "../core/people/store.ts";
import type { Person as PersonRow } from "../generated/prisma/client.ts";
import { skeletonColumns } from "./name-skeletons.ts";
import type { DbTx } from "./prisma-client.ts";

const toPerson = (row: PersonRow): Person => ({
  id: row.id,
  externalId: row.externalId,
  displayName: row.displayName,
  organisation: row.organisation,
  sector: row.sector,
  municipality: row.municipality,
  locale: localeSchema.nullable().catch(null).parse(row.locale),
});

export const peopleStore = (db: DbTx): PeopleStore => ({
  async findByExternalId(externalId) {
    const row = await db.person.findUnique({ where: { externalId } });
    return row && toPerson(row);
  },
  async findById(id) {
    const row = await db.person.findUnique({ where: { id } });
    return row && toPerson(row);
  },
  async lookAlikes(name, exceptId) {
    // Skeletons are written here, for the rows whose name changed since (or came before the
    // columns): computing them needs the confusables table, which a start or a first message need not load.
    const unfilled = await db.person.findMany({ where: { skeletonCased: null }, select: { id: true, displayName: true } });
    for (const row of unfilled) await db.person.update({ where: { id: row.id }, data: skeletonColumns(row.displayName) });
    const { skeletonCased, skeletonLower } = skeletonColumns(name);
    const rows = await db.person.findMany({ where: { NOT: { id: exceptId }, OR: [{ skeletonCased }, { skeletonLower }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return rows.map(toPerson);
  },
  async create(identity) {
    return toPerson(await db.person.create({ data: { externalId: identity.externalId, displayName: identity.displayName } }));
  },
  async update(id, patch) {
    const data = patch.displayName === undefined ? patch : { ...patch, skeletonCased: null, skeletonLower: null };
    return toPerson(await db.person.update({ where: { id }, data }));
  },
});
