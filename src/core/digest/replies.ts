import type { Presentation } from "../../i18n/presentation.ts";
import { context, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { NewsItem } from "./news.ts";

export function newsListReply(p: Presentation, items: readonly NewsItem[]): Reply {
  if (items.length === 0) return onlyYou(text(p.t("news.list.none")));
  return onlyYou(
    heading(p.t("news.list.title", { count: items.length })),
    list(items.map((n) => `\`${n.id}\` *${n.title}* — ${n.body}${n.link ? ` ${n.link}` : ""}`)),
    context(p.t("news.list.footer")),
  );
}
