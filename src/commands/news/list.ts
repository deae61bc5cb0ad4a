import { z } from "zod";
import { newsListReply } from "../../core/digest/replies.ts";
import { pageArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const newsList = defineCommand({
  path: ["news", "list"],
  args: () => z.object({ page: pageArg() }),
  sideEffects: false,
  async run({ inv, services, p }, { page }) {
    return newsListReply(p, await services.digest.listNews(inv), page);
  },
});
