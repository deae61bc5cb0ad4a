import { z } from "zod";
import { minutesShowReply } from "../../core/meetings/minutes-replies.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "./args.ts";

/** The stored minutes of a closed meeting with their checking, shown and as a file: the same as `minutes show`. */
export const meetingMinutes = defineCommand({
  path: ["meeting", "minutes"],
  args: () => z.object({ group: groupName(), meeting: meetingNumber() }),
  sideEffects: false,
  // Kept out of help and Discord's menu (its size limit): the buttons run it; typed, it still works.
  hidden: true,
  async run({ inv, services, p }, args) {
    return minutesShowReply(p, await services.minutes.show(inv, args.group, args.meeting), inv.actor.person.id);
  },
});
