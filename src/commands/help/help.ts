import { z } from "zod";
import type { MessageKey } from "../../i18n/catalogues.ts";
import { context, heading, list, onlyYou } from "../../render/build.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { defineCommand } from "../define.ts";
import { exampleLine, summaryKey, usageLine } from "../usage.ts";

export const help = defineCommand({
  path: ["help"],
  args: () => z.object({ topic: z.string().trim().toLowerCase().optional() }),
  sideEffects: false,
  async run({ p, commands: all }, { topic }) {
    const commands = all.filter((c) => !c.hidden);
    const topics = [...new Set(commands.map((c) => c.path[0] ?? ""))];
    if (!topic) {
      return onlyYou(
        heading(p.t("help.title")),
        list(topics.map((name) => `*${name}* — ${p.t(`help.topic.${name}` as MessageKey)}`)),
        context(p.t("help.footer")),
      );
    }
    const inTopic = commands.filter((c) => c.path[0] === topic);
    if (inTopic.length === 0) refuse("help.unknown-topic", { topic, topics: topics.join(", ") });
    return onlyYou(
      heading(p.t("help.topic-title", { topic })),
      list(inTopic.map((c) => `\`${usageLine(p, c)}\` — ${p.t(summaryKey(c))}\n${p.t("help.example")}: \`${exampleLine(p, c)}\``)),
    );
  },
});
