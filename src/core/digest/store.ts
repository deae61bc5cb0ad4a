import type { NewsItem } from "./news.ts";

export interface DigestScheduleRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly period: "weekly" | "monthly";
  readonly channelId: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly nextDueAt: Date | null;
  readonly lastPeriodEnd: Date | null;
}

export interface PublishedDigest {
  readonly id: string;
  readonly workspaceId: string;
  readonly channelId: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly publishedAt: Date;
}

export interface DigestStore {
  addNews(input: Omit<NewsItem, "id" | "removedAt">): Promise<NewsItem>;
  findNews(id: string): Promise<NewsItem | null>;
  updateNews(id: string, patch: Partial<Pick<NewsItem, "title" | "body" | "link" | "removedAt">>): Promise<NewsItem>;
  /** News not removed, oldest first. */
  listNews(workspaceId: string): Promise<NewsItem[]>;
  /**
   * News not removed that no published digest has shown (no digest item with its `newsKey`), oldest
   * first; with `createdThrough`, only those made at or before it. What `news list` and the digest show.
   */
  unpublishedNews(workspaceId: string, createdThrough?: Date): Promise<NewsItem[]>;
  /** Which of these item keys a published digest of the workspace already showed. */
  includedKeys(workspaceId: string, keys: readonly string[]): Promise<Set<string>>;
  /** Records a published digest and the keys it showed, in the caller's unit of work. */
  recordDigest(digest: Omit<PublishedDigest, "id"> & { markdown: string; keys: readonly string[] }): Promise<PublishedDigest>;
  lastDigest(workspaceId: string): Promise<PublishedDigest | null>;
  schedule(workspaceId: string): Promise<DigestScheduleRecord | null>;
  saveSchedule(input: Omit<DigestScheduleRecord, "id" | "lastPeriodEnd">): Promise<DigestScheduleRecord>;
  dueSchedules(now: Date): Promise<DigestScheduleRecord[]>;
  /** Stops the workspace's schedule (it keeps its period and channel, due never); the schedule as it was, or null if none was running. */
  stopSchedule(workspaceId: string): Promise<DigestScheduleRecord | null>;
  /** Moves nextDueAt from `from` to `to` only if still `from` (one process wins); true if moved. */
  advanceSchedule(id: string, from: Date, to: Date, lastPeriodEnd: Date): Promise<boolean>;
}
