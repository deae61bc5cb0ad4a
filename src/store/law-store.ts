import { dissentSchema, itemLawSchema, meetingNoticeSchema, recusalSchema, type LawStore } from "../core/meetings/law.ts";
import type { DbTx } from "./prisma-client.ts";

export const lawStore = (db: DbTx): LawStore => ({
  async notice(meetingId) {
    const row = await db.meetingNotice.findUnique({ where: { meetingId } });
    return row && meetingNoticeSchema.parse(row);
  },
  async saveNotice(notice) {
    await db.meetingNotice.upsert({ where: { meetingId: notice.meetingId }, create: notice, update: notice });
  },
  async items(itemIds) {
    return (await db.itemLaw.findMany({ where: { itemId: { in: [...itemIds] } } })).map((row) => itemLawSchema.parse(row));
  },
  async saveItem(law) {
    await db.itemLaw.upsert({ where: { itemId: law.itemId }, create: law, update: law });
  },
  async recusals(itemIds) {
    const rows = await db.itemRecusal.findMany({ where: { itemId: { in: [...itemIds] } }, orderBy: { at: "asc" } });
    return rows.map((row) => recusalSchema.parse(row));
  },
  async addRecusal(recusal) {
    const existing = await db.itemRecusal.findUnique({ where: { itemId_personId: { itemId: recusal.itemId, personId: recusal.personId } } });
    if (existing) return false;
    await db.itemRecusal.create({ data: recusal });
    return true;
  },
  async dissents(itemIds) {
    const rows = await db.itemDissent.findMany({ where: { itemId: { in: [...itemIds] } }, orderBy: { at: "asc" } });
    return rows.map((row) => dissentSchema.parse(row));
  },
  async addDissent(dissent) {
    await db.itemDissent.create({ data: dissent });
  },
});
