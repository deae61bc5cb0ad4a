import { z } from "zod";
import { meetingListReply } from "../../core/meetings/replies.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const meetingList = defineCommand({
  path: ["meeting", "list"],
  args: () => z.object({ group: groupName() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const { group, meetings, now, minutes, yearNumbers } = await services.meetings.list(inv, args.group);
    return meetingListReply(p, group, meetings, now, { minutes, yearNumbers });
  },
});
