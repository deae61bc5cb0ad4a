import type { Presentation } from "../../i18n/presentation.ts";
import { context, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { Sector } from "./sector.ts";
import { pageFooter } from "../../render/paging.ts";
import { pageOfList } from "../shared/page.ts";

/** The council's sectors are a short list in Finnish alphabetical order (not the database's), paged as read. */
export function sectorListReply(p: Presentation, sectors: readonly Sector[], page = 1): Reply {
  if (sectors.length === 0) return onlyYou(heading(p.t("sectors.list.title")), text(p.t("sectors.list.empty")));
  const shown = pageOfList(sectors, page);
  return onlyYou(heading(p.t("sectors.list.title")), list(shown.items.map((s) => s.name)), context(p.t("sectors.list.hint")), ...pageFooter(p, shown, { command: "sector list", args: {} }));
}
