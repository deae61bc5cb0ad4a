import { z } from "zod";
import { newsListReply } from "../../core/digest/replies.ts";
import { defineCommand } from "../define.ts";

export const newsList = defineCommand({
  path: ["news", "list"],
  args: z.object({}),
  sideEffects: false,
  async run({ inv, services, p }) {
    return newsListReply(p, await services.digest.listNews(inv));
  },
});
