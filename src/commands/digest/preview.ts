import { z } from "zod";
import { previewReply } from "../../core/digest/export.ts";
import { defineCommand } from "../define.ts";

export const digestPreview = defineCommand({
  path: ["digest", "preview"],
  args: z.object({ since: z.string().trim().max(20).optional() }),
  sideEffects: false,
  async run({ inv, services, timeZone }, args) {
    return previewReply(await services.digest.preview(inv, timeZone, args.since), inv.locale);
  },
});
