import { z } from "zod";
import { done } from "../done.ts";
import { msg } from "../../i18n/translate.ts";
import { shortIdArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const newsRemove = defineCommand({
  path: ["news", "remove"],
  args: () => z.object({ newsId: shortIdArg() }),
  sideEffects: true,
  precheck: ({ inv, services }, args) => services.digest.requireNewsEditable(inv, args.newsId),
  confirm: (args) => msg("news.remove.confirm", { id: args.newsId }),
  async run({ inv, services, p }, args) {
    const item = await services.digest.removeNews(inv, args.newsId);
    return done(p, "news.removed", { title: item.title });
  },
});
