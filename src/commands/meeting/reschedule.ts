import { z } from "zod";
import { scheduledReply } from "../../core/meetings/replies.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber, whenAndPlace } from "./args.ts";

export const meetingReschedule = defineCommand({
  path: ["meeting", "reschedule"],
  args: () => z.object({ group: groupName(), meeting: meetingNumber(), when: whenAndPlace() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const when = services.meetings.readWhen(args.when) ?? refuse("meeting.bad-time", { given: args.when });
    const ref = await services.meetings.reschedule(inv, args.group, args.meeting, when.at, when.rest || null);
    return scheduledReply(p, ref, "meetings.rescheduled");
  },
});
