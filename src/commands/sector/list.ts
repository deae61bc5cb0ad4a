import { z } from "zod";
import { sectorListReply } from "../../core/sectors/replies.ts";
import { defineCommand } from "../define.ts";

export const sectorList = defineCommand({
  path: ["sector", "list"],
  args: z.object({}),
  sideEffects: false,
  async run({ inv, services, t }) {
    return sectorListReply(t, await services.sectors.list(inv));
  },
});
