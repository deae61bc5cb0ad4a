import { z } from "zod";
import { minutesShowReply } from "../../core/meetings/minutes-replies.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "../meeting/args.ts";

/** Members may read the minutes (§31(3)): the text, its state, who checked it and when, and its hash. */
export const minutesShow = defineCommand({
  path: ["minutes", "show"],
  args: () => z.object({ group: groupName(), meeting: meetingNumber().optional() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    return minutesShowReply(p, await services.minutes.show(inv, args.group, args.meeting), inv.actor.person.id);
  },
});
