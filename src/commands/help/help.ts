import { z } from "zod";
import type { MessageKey } from "../../i18n/catalogues.ts";
import { context, heading, list, onlyYou } from "../../render/build.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { defineCommand } from "../define.ts";
import { exampleLine, summaryKey, usageLine } from "../usage.ts";

export const help = defineCommand({
  path: ["help"],
  args: z.object({ topic: z.string().trim().toLowerCase().optional() }),
  sideEffects: false,
  async run({ t, commands: all }, { topic }) {
    const commands = all.filter((c) => !c.hidden);
    const topics = [...new Set(commands.map((c) => c.path[0] ?? ""))];
    if (!topic) {
      return onlyYou(
        heading(t("help.title")),
        list(topics.map((name) => `*${name}* — ${t(`help.topic.${name}` as MessageKey)}`)),
        context(t("help.footer")),
      );
    }
    const inTopic = commands.filter((c) => c.path[0] === topic);
    if (inTopic.length === 0) refuse("help.unknown-topic", { topic, topics: topics.join(", ") });
    return onlyYou(
      heading(t("help.topic-title", { topic })),
      list(inTopic.map((c) => `\`${usageLine(t, c)}\` — ${t(summaryKey(c))}\n${t("help.example")}: \`${exampleLine(t, c)}\``)),
    );
  },
});
