import { z } from "zod";
import { scheduledReply } from "../../core/meetings/replies.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { whenAndPlace } from "./args.ts";

export const meetingSchedule = defineCommand({
  path: ["meeting", "schedule"],
  args: () => z.object({ group: groupName(), when: whenAndPlace() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const when = services.meetings.readWhen(args.when) ?? refuse("meeting.bad-time", { given: args.when });
    const ref = await services.meetings.schedule(inv, args.group, when.at, when.rest || null);
    return scheduledReply(p, ref, "meetings.scheduled");
  },
});
