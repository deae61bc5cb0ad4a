import type { Translator } from "../../i18n/translate.ts";
import { context, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { Sector } from "./sector.ts";

export function sectorListReply(t: Translator, sectors: readonly Sector[]): Reply {
  if (sectors.length === 0) return onlyYou(heading(t("sectors.list.title")), text(t("sectors.list.empty")));
  return onlyYou(heading(t("sectors.list.title")), list(sectors.map((s) => s.name)), context(t("sectors.list.hint")));
}
