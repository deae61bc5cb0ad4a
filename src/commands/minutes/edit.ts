import { z } from "zod";
import { longText, groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { done } from "../done.ts";
import { meetingNumber } from "../meeting/args.ts";

/** The secretary's correction: the whole corrected text, in a form on chat platforms. */
export const minutesEdit = defineCommand({
  path: ["minutes", "edit"],
  args: () => z.object({ group: groupName(), meeting: meetingNumber(), minutes: longText(60_000) }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const view = await services.minutes.edit(inv, args.group, args.meeting, args.minutes);
    return done(p, "minutes.edited", { number: view.meeting.number, approved: view.approvals.length, needed: view.needed });
  },
});
