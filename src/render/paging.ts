import type { Presentation } from "../i18n/presentation.ts";
import { hasMore, type Page } from "../core/shared/page.ts";
import { buttons, context } from "./build.ts";
import type { Block, CommandCall } from "./reply.ts";

/**
 * What every paged list ends with, on every platform: which rows these are of how many, and while
 * rows remain, a "more" button that runs the same command for the next page (so it carries its call
 * like any other button and works after a restart) and the `--page` to type for it.
 */
export function pageFooter(p: Presentation, page: Page<unknown>, call: CommandCall): Block[] {
  if (page.total <= page.size && page.page === 1) return [];
  const from = page.total === 0 ? 0 : (page.page - 1) * page.size + 1;
  const to = Math.min(page.page * page.size, page.total);
  if (!hasMore(page)) return [context(p.t("page.shown-last", { from, to, total: page.total }))];
  const next = page.page + 1;
  return [
    context(p.t("page.shown", { from, to, total: page.total, next })),
    buttons({ label: p.t("page.more", { count: Math.min(page.size, page.total - to) }), call: { ...call, args: { ...call.args, page: next } } }),
  ];
}
