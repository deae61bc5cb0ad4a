import { localeSchema } from "../i18n/locale.ts";
import type { Person } from "../core/people/person.ts";
import type { PeopleStore } from "../core/people/store.ts";
import type { Person as PersonRow } from "../generated/prisma/client.ts";
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
  async all() {
    return (await db.person.findMany({ orderBy: { createdAt: "asc" } })).map(toPerson);
  },
  async create(identity) {
    return toPerson(await db.person.create({ data: { externalId: identity.externalId, displayName: identity.displayName } }));
  },
  async update(id, patch) {
    return toPerson(await db.person.update({ where: { id }, data: patch }));
  },
});
