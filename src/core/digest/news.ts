import { splitAtDashes } from "../shared/title-text.ts";

/** A news item a member submitted for the newsletter digest. */
export interface NewsItem {
  readonly id: string;
  readonly workspaceId: string;
  /** null: news for the whole workspace, not one group. */
  readonly groupId: string | null;
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
  readonly authorId: string;
  readonly createdAt: Date;
  readonly removedAt: Date | null;
}

export const newsTitleMaxLength = 120;
export const newsBodyMaxLength = 4000;

/** `news:<id>`: the key by which a digest remembers it has shown this item. */
export const newsKey = (item: Pick<NewsItem, "id">): string => `news:${item.id}`;

const urlPattern = /^https?:\/\/\S+$/i;
export const isLink = (word: string): boolean => urlPattern.test(word);

/**
 * "<title> -- <text> [link]": the title, then two dashes (or a phone's long dash), then the text; a
 * web address at the end becomes the item's link. Returns null when there are no dashes.
 */
export function splitNews(input: string): { title: string; body: string; link: string | null } | null {
  const split = splitAtDashes(input);
  if (!split) return null;
  const title = split.head;
  let body = split.rest;
  const words = body.split(/\s+/);
  const last = words.at(-1) ?? "";
  let link: string | null = null;
  if (isLink(last)) {
    link = last;
    body = words.slice(0, -1).join(" ");
  }
  return { title, body, link };
}
