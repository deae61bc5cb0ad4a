import type { Presentation } from "../../i18n/presentation.ts";
import { context, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { Sector } from "./sector.ts";

export function sectorListReply(p: Presentation, sectors: readonly Sector[]): Reply {
  if (sectors.length === 0) return onlyYou(heading(p.t("sectors.list.title")), text(p.t("sectors.list.empty")));
  return onlyYou(heading(p.t("sectors.list.title")), list(sectors.map((s) => s.name)), context(p.t("sectors.list.hint")));
}
