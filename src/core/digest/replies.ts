import type { Translator } from "../../i18n/translate.ts";
import { context, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { NewsItem } from "./news.ts";

export function newsListReply(t: Translator, items: readonly NewsItem[]): Reply {
  if (items.length === 0) return onlyYou(text(t("news.list.none")));
  return onlyYou(
    heading(t("news.list.title", { count: items.length })),
    list(items.map((n) => `\`${n.id}\` *${n.title}* — ${n.body}${n.link ? ` ${n.link}` : ""}`)),
    context(t("news.list.footer")),
  );
}
