import { z } from "zod";
import { listReply } from "../../core/groups/replies.ts";
import { flag } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupList = defineCommand({
  path: ["group", "list"],
  args: z.object({ all: flag() }),
  sideEffects: false,
  async run({ inv, services, p }, { all }) {
    return listReply(p, await services.groups.list(inv, all));
  },
});
