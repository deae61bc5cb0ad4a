import { z } from "zod";
import { onlyYou, text, withAttachment } from "../../render/build.ts";
import { minutesFile } from "../../core/meetings/replies.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "./args.ts";

/** The stored minutes of a closed meeting, shown and as a file to pass on. */
export const meetingMinutes = defineCommand({
  path: ["meeting", "minutes"],
  args: z.object({ group: groupName(), meeting: meetingNumber() }),
  sideEffects: false,
  async run({ inv, services }, args) {
    const view = await services.meetings.show(inv, args.group, args.meeting);
    const minutes = view.meeting.minutes ?? refuse("meeting.no-minutes", { number: args.meeting });
    return withAttachment(onlyYou(text(minutes)), minutesFile(view.group, view.meeting, minutes));
  },
});
