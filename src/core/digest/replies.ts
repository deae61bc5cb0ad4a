import type { Presentation } from "../../i18n/presentation.ts";
import { context, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { NewsItem } from "./news.ts";
import { pageFooter } from "../../render/paging.ts";
import { pageOfList } from "../shared/page.ts";

/** The news waiting for the next digest: one period's worth, paged as read. */
export function newsListReply(p: Presentation, items: readonly NewsItem[], page = 1): Reply {
  if (items.length === 0) return onlyYou(text(p.t("news.list.none")));
  const shown = pageOfList(items, page);
  return onlyYou(
    heading(p.t("news.list.title", { count: items.length })),
    list(shown.items.map((n) => `\`${n.id}\` *${n.title}* — ${n.body}${n.link ? ` ${n.link}` : ""}`)),
    context(p.t("news.list.footer")),
    ...pageFooter(p, shown, { command: "news list", args: {} }),
  );
}
