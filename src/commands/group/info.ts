import { z } from "zod";
import { infoReply } from "../../core/groups/replies.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupInfo = defineCommand({
  path: ["group", "info"],
  args: () => z.object({ group: groupName() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const { group, members } = await services.groups.info(inv, args.group);
    return infoReply(p, group, members);
  },
});
