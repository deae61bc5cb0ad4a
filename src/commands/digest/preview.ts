import { z } from "zod";
import { previewReply } from "../../core/digest/export.ts";
import { defineCommand } from "../define.ts";

export const digestPreview = defineCommand({
  path: ["digest", "preview"],
  args: () => z.object({ since: z.string().trim().max(20).optional() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const [digest, schedule] = await Promise.all([services.digest.preview(inv, p.timeZone, args.since), services.digest.runningSchedule(inv.workspaceId)]);
    return previewReply(p, digest, schedule);
  },
});
