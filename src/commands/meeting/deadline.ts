import { z } from "zod";
import { scheduledReply } from "../../core/meetings/replies.ts";
import { parseDueDate } from "../../core/meetings/when.ts";
import { refuse } from "../../core/shared/refusal.ts";
import type { ArgMeta } from "../args.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "./args.ts";

/**
 * The chair sets the agenda deadline by hand: `28.11.2026 klo 16`, or a date alone (the end of
 * that day). Without this the deadline is AGENDA_DEADLINE_DAYS before the meeting; rescheduling
 * the meeting sets it back to that default.
 */
export const meetingDeadline = defineCommand({
  path: ["meeting", "deadline"],
  args: () => z.object({
    group: groupName(),
    meeting: meetingNumber(),
    deadline: z.string().trim().min(1).max(40).meta({ kind: "text", rest: true } satisfies ArgMeta),
  }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const when = services.meetings.readWhen(args.deadline);
    const at = (when && !when.rest ? when.at : null) ?? parseDueDate(args.deadline, p.timeZone) ?? refuse("meeting.bad-deadline", { given: args.deadline });
    const ref = await services.meetings.setDeadline(inv, args.group, args.meeting, at);
    return scheduledReply(p, ref, "meetings.deadline-set");
  },
});
