import { z } from "zod";
import { done } from "../done.ts";
import { newsBodyMaxLength } from "../../core/digest/news.ts";
import { groupNameMaxLength } from "../../core/groups/group.ts";
import { longText } from "../args.ts";
import { defineCommand } from "../define.ts";

/** `news add Viestintä Kevätforum 2027 -- Ilmoittautuminen on auki. https://example.fi` (`-` for the whole workspace). */
export const newsAdd = defineCommand({
  path: ["news", "add"],
  args: () => z.object({
    newsGroup: z.string().trim().min(1).max(groupNameMaxLength).meta({ kind: "group" }),
    news: longText(newsBodyMaxLength + 300),
  }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const item = await services.digest.addNews(inv, args.newsGroup, args.news);
    return done(p, "news.added", { title: item.title, id: item.id });
  },
});
