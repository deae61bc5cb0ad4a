import { z } from "zod";
import { digestAttachments } from "../../core/digest/export.ts";
import { onlyYou, text } from "../../render/build.ts";
import { defineCommand } from "../define.ts";

/** The digest as it stands, as Markdown and HTML files for the association newsletter. */
export const digestExport = defineCommand({
  path: ["digest", "export"],
  args: () => z.object({ since: z.string().trim().max(20).optional() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const digest = await services.digest.preview(inv, p.timeZone, args.since);
    return { ...onlyYou(text(p.t("digest.exported", { count: digest.keys.length }))), attachments: digestAttachments(digest) };
  },
});
