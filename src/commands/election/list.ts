import { z } from "zod";
import { listReply } from "../../core/elections/replies.ts";
import { groupName, pageArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const electionList = defineCommand({
  path: ["election", "list"],
  args: () => z.object({ group: groupName(), page: pageArg() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const { group, elections } = await services.elections.list(inv, args.group, args.page);
    return listReply(p, group, elections);
  },
});
