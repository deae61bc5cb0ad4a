import { z } from "zod";
import { meetingListReply } from "../../core/meetings/replies.ts";
import { groupName, pageArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const meetingList = defineCommand({
  path: ["meeting", "list"],
  args: () => z.object({ group: groupName(), page: pageArg() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    return meetingListReply(p, await services.meetings.list(inv, args.group, args.page));
  },
});
