import { z } from "zod";
import { membersReply } from "../../core/groups/replies.ts";
import { groupName, pageArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupMembers = defineCommand({
  path: ["group", "members"],
  args: () => z.object({ group: groupName(), page: pageArg() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const { group, members } = await services.groups.members(inv, args.group);
    return membersReply(p, group, members, args.page);
  },
});
