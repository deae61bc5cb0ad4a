import { z } from "zod";
import { listReply } from "../../core/groups/replies.ts";
import { flag, pageArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupList = defineCommand({
  path: ["group", "list"],
  args: () => z.object({ all: flag(), page: pageArg() }),
  sideEffects: false,
  async run({ inv, services, p }, { all, page }) {
    return listReply(p, await services.groups.list(inv, all, page), { command: "group list", args: { all } });
  },
});
