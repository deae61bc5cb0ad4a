import { refuse } from "./refusal.ts";

/**
 * Lists answer a page at a time, so that a command costs the same with 50 rows or 5 000: the store
 * counts with `count()` and reads only the window asked for.
 */
export const pageSize = 20;

/** The rows a page covers: skip `offset`, take at most `limit`. */
export interface Window {
  readonly offset: number;
  readonly limit: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** 1-based, as people type it (`--page 2`). */
  readonly page: number;
  readonly size: number;
  /** Every row the list has, not only this page's. */
  readonly total: number;
}

export const windowOf = (page: number, size = pageSize): Window => ({ offset: (page - 1) * size, limit: size });

export const pageCount = (page: Pick<Page<unknown>, "total" | "size">): number => Math.max(1, Math.ceil(page.total / page.size));

export const hasMore = (page: Pick<Page<unknown>, "page" | "total" | "size">): boolean => page.page * page.size < page.total;

/**
 * Reads page `page` of a list: its count first, so that a page past the end is refused with how
 * many there are instead of answering with nothing.
 */
export async function readPage<T>(page: number, count: () => Promise<number>, rows: (window: Window) => Promise<readonly T[]>, size = pageSize): Promise<Page<T>> {
  const total = await count();
  const pages = pageCount({ total, size });
  if (page > pages) refuse("page.beyond", { page, pages });
  return { items: await rows(windowOf(page, size)), page, size, total };
}

/** A page of a list already in memory (a list bounded by something else, e.g. one meeting's attendance). */
export const pageOfList = <T>(all: readonly T[], page: number, size = pageSize): Page<T> => {
  const pages = pageCount({ total: all.length, size });
  if (page > pages) refuse("page.beyond", { page, pages });
  const { offset, limit } = windowOf(page, size);
  return { items: all.slice(offset, offset + limit), page, size, total: all.length };
};
