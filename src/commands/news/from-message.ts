import { z } from "zod";
import { newsBodyMaxLength } from "../../core/digest/news.ts";
import { longText } from "../args.ts";
import { defineCommand } from "../define.ts";
import { done } from "../done.ts";

/**
 * What a chat message's "Add to newsletter" action runs (Slack message shortcut, Discord message
 * command): the message's first line becomes the title, the rest the text. Not typed by people.
 */
export const newsFromMessage = defineCommand({
  path: ["news", "from-message"],
  args: () => z.object({ message: longText(newsBodyMaxLength + 300) }),
  sideEffects: true,
  hidden: true,
  async run({ inv, services, p }, args) {
    const link = /(https?:\/\/\S+)/.exec(args.message)?.[1] ?? null;
    const item = await services.digest.addNewsFromMessage(inv, args.message, link);
    return done(p, "news.added", { title: item.title, id: item.id });
  },
});
