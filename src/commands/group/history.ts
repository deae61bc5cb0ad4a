import { z } from "zod";
import { historyReply } from "../../core/groups/replies.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupHistory = defineCommand({
  path: ["group", "history"],
  args: z.object({ group: groupName(), count: z.coerce.number().int().min(1).max(100).default(20) }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const { group, events } = await services.groups.history(inv, args.group, args.count);
    return historyReply(p, group, events);
  },
});
