import { z } from "zod";
import { done } from "../done.ts";
import { newsBodyMaxLength } from "../../core/digest/news.ts";
import { longText, shortIdArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const newsEdit = defineCommand({
  path: ["news", "edit"],
  args: () => z.object({ newsId: shortIdArg(), news: longText(newsBodyMaxLength + 300) }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const item = await services.digest.editNews(inv, args.newsId, args.news);
    return done(p, "news.edited", { title: item.title, id: item.id });
  },
});
