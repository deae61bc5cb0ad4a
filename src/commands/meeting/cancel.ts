import { z } from "zod";
import { scheduledReply } from "../../core/meetings/replies.ts";
import { msg } from "../../i18n/translate.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "./args.ts";

export const meetingCancel = defineCommand({
  path: ["meeting", "cancel"],
  args: () => z.object({ group: groupName(), meeting: meetingNumber() }),
  sideEffects: true,
  precheck: ({ inv, services }, args) => services.groups.requireManagerOf(inv, args.group, "meeting cancel"),
  confirm: (args) => msg("meetings.cancel.confirm", { group: args.group, number: args.meeting }),
  async run({ inv, services, p }, args) {
    const ref = await services.meetings.cancel(inv, args.group, args.meeting);
    return scheduledReply(p, ref, "meetings.cancelled");
  },
});
