import { newsKey, type NewsItem } from "../core/digest/news.ts";
import type { DigestScheduleRecord, DigestStore, PublishedDigest } from "../core/digest/store.ts";
import type { DigestSchedule as ScheduleRow } from "../generated/prisma/client.ts";
import type { DbTx } from "./prisma-client.ts";
import { readInSlices } from "./id-slices.ts";
import { shortId } from "./short-id.ts";

const toSchedule = (row: ScheduleRow): DigestScheduleRecord => ({
  ...row,
  period: row.period === "monthly" ? "monthly" : "weekly",
});

const toPublished = (row: PublishedDigest & { markdown?: string }): PublishedDigest => ({
  id: row.id,
  workspaceId: row.workspaceId,
  channelId: row.channelId,
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  publishedAt: row.publishedAt,
});

export const digestStore = (db: DbTx): DigestStore => ({
  async addNews(input) {
    return (await db.newsItem.create({ data: { id: shortId("n"), ...input } })) as NewsItem;
  },
  async findNews(id) {
    return db.newsItem.findUnique({ where: { id } });
  },
  async updateNews(id, patch) {
    return db.newsItem.update({ where: { id }, data: patch });
  },
  async listNews(workspaceId) {
    return db.newsItem.findMany({ where: { workspaceId, removedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  },
  async unpublishedNews(workspaceId, createdThrough) {
    // Prisma has no relation from a news item to the digest items naming it by key, so "not shown"
    // is asked in SQL (the same on SQLite and PostgreSQL); only ids come back, the rows then in slices.
    const prefix = newsKey({ id: "" });
    const ids = await db.$queryRaw<{ id: string }[]>`SELECT n."id" FROM "NewsItem" n WHERE n."workspaceId" = ${workspaceId} AND n."removedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "DigestItem" d WHERE d."workspaceId" = n."workspaceId" AND d."itemKey" = ${prefix} || n."id")`;
    const rows = await readInSlices(
      ids.map((row) => row.id),
      (slice) => db.newsItem.findMany({ where: { id: { in: slice }, ...(createdThrough ? { createdAt: { lte: createdThrough } } : {}) } }),
    );
    return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  },
  async includedKeys(workspaceId, keys) {
    if (keys.length === 0) return new Set();
    const rows = await readInSlices([...keys], (slice) => db.digestItem.findMany({ where: { workspaceId, itemKey: { in: slice } }, select: { itemKey: true } }));
    return new Set(rows.map((r) => r.itemKey));
  },
  async recordDigest({ keys, ...digest }) {
    const row = await db.digest.create({ data: digest });
    for (const itemKey of keys) {
      // A key another digest recorded meanwhile stays with that digest.
      const exists = await db.digestItem.findUnique({ where: { workspaceId_itemKey: { workspaceId: digest.workspaceId, itemKey } } });
      if (!exists) await db.digestItem.create({ data: { workspaceId: digest.workspaceId, itemKey, digestId: row.id } });
    }
    return toPublished(row);
  },
  async lastDigest(workspaceId) {
    const row = await db.digest.findFirst({ where: { workspaceId }, orderBy: { periodEnd: "desc" } });
    return row && toPublished(row);
  },
  async schedule(workspaceId) {
    const row = await db.digestSchedule.findUnique({ where: { workspaceId } });
    return row && toSchedule(row);
  },
  async saveSchedule(input) {
    const row = await db.digestSchedule.upsert({ where: { workspaceId: input.workspaceId }, create: input, update: input });
    return toSchedule(row);
  },
  async stopSchedule(workspaceId) {
    const row = await db.digestSchedule.findUnique({ where: { workspaceId } });
    if (!row?.nextDueAt) return null;
    await db.digestSchedule.update({ where: { workspaceId }, data: { nextDueAt: null } });
    return toSchedule(row);
  },
  async dueSchedules(now) {
    return (await db.digestSchedule.findMany({ where: { nextDueAt: { lte: now } } })).map(toSchedule);
  },
  async advanceSchedule(id, from, to, lastPeriodEnd) {
    // One raw statement: no transaction held across awaits (see reminder-store.ts).
    const count = await db.$executeRaw`UPDATE "DigestSchedule" SET "nextDueAt" = ${to}, "lastPeriodEnd" = ${lastPeriodEnd}
      WHERE "id" = ${id} AND "nextDueAt" = ${from}`;
    return count === 1;
  },
});
