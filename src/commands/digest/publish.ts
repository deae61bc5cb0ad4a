import { z } from "zod";
import { digestAttachments } from "../../core/digest/export.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { onlyYou, text } from "../../render/build.ts";
import { channelRef } from "../args.ts";
import { defineCommand } from "../define.ts";

export const digestPublish = defineCommand({
  path: ["digest", "publish"],
  args: () => z.object({ channel: channelRef().optional() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const channel = args.channel ?? inv.channelId ?? refuse("channel.none-given");
    const { digest, channelId } = await services.digest.publish(inv, channel, p.timeZone);
    return {
      ...onlyYou(text(p.t("digest.published", { channel: channelId, count: digest.keys.length }))),
      attachments: digestAttachments(digest),
    };
  },
});
