import { dissentSchema, itemLawSchema, meetingNoticeSchema, recusalSchema, type LawStore } from "../core/meetings/law.ts";
import type { DbTx } from "./prisma-client.ts";
import { readInSlices } from "./id-slices.ts";

/** Earliest first, as the rows of every slice together. */
const byTime = (a: { at: Date }, b: { at: Date }) => a.at.getTime() - b.at.getTime();

export const lawStore = (db: DbTx): LawStore => ({
  async notice(meetingId) {
    const row = await db.meetingNotice.findUnique({ where: { meetingId } });
    return row && meetingNoticeSchema.parse(row);
  },
  async saveNotice(notice) {
    await db.meetingNotice.upsert({ where: { meetingId: notice.meetingId }, create: notice, update: notice });
  },
  async items(itemIds) {
    return (await readInSlices([...itemIds], (ids) => db.itemLaw.findMany({ where: { itemId: { in: ids } } }))).map((row) => itemLawSchema.parse(row));
  },
  async saveItem(law) {
    await db.itemLaw.upsert({ where: { itemId: law.itemId }, create: law, update: law });
  },
  async recusals(itemIds) {
    const rows = await readInSlices([...itemIds], (ids) => db.itemRecusal.findMany({ where: { itemId: { in: ids } } }));
    return rows.sort(byTime).map((row) => recusalSchema.parse(row));
  },
  async addRecusal(recusal) {
    const existing = await db.itemRecusal.findUnique({ where: { itemId_personId: { itemId: recusal.itemId, personId: recusal.personId } } });
    if (existing) return false;
    await db.itemRecusal.create({ data: recusal });
    return true;
  },
  async dissents(itemIds) {
    const rows = await readInSlices([...itemIds], (ids) => db.itemDissent.findMany({ where: { itemId: { in: ids } } }));
    return rows.sort(byTime).map((row) => dissentSchema.parse(row));
  },
  async addDissent(dissent) {
    await db.itemDissent.create({ data: dissent });
  },
});
