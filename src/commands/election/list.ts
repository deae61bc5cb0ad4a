import { z } from "zod";
import { listReply } from "../../core/elections/replies.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const electionList = defineCommand({
  path: ["election", "list"],
  args: z.object({ group: groupName() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const { group, elections } = await services.elections.list(inv, args.group);
    return listReply(p, group, elections);
  },
});
