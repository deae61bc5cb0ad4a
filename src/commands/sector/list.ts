import { z } from "zod";
import { sectorListReply } from "../../core/sectors/replies.ts";
import { defineCommand } from "../define.ts";

export const sectorList = defineCommand({
  path: ["sector", "list"],
  args: z.object({}),
  sideEffects: false,
  async run({ inv, services, p }) {
    return sectorListReply(p, await services.sectors.list(inv));
  },
});
