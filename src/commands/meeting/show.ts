import { z } from "zod";
import { meetingShowReply } from "../../core/meetings/replies.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "./args.ts";

export const meetingShow = defineCommand({
  path: ["meeting", "show"],
  args: () => z.object({ group: groupName(), meeting: meetingNumber().optional() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    return meetingShowReply(p, await services.meetings.show(inv, args.group, args.meeting));
  },
});
