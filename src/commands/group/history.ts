import { z } from "zod";
import { historyReply } from "../../core/groups/replies.ts";
import { groupName, pageArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupHistory = defineCommand({
  path: ["group", "history"],
  args: () => z.object({ group: groupName(), count: z.coerce.number().int().min(1).max(100).default(20), page: pageArg() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const { group, events } = await services.groups.history(inv, args.group, args.count, args.page);
    return historyReply(p, group, events, { command: "group history", args: { group: group.name, count: args.count } });
  },
});
