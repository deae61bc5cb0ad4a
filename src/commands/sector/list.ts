import { z } from "zod";
import { sectorListReply } from "../../core/sectors/replies.ts";
import { pageArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const sectorList = defineCommand({
  path: ["sector", "list"],
  args: () => z.object({ page: pageArg() }),
  sideEffects: false,
  async run({ inv, services, p }, { page }) {
    return sectorListReply(p, await services.sectors.list(inv), page);
  },
});
