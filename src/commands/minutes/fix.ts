import { z } from "zod";
import { groupName, restOfLine } from "../args.ts";
import { defineCommand } from "../define.ts";
import { done } from "../done.ts";
import { itemNumber, meetingNumber } from "../meeting/args.ts";

/** A correction of one item's decision, short enough to type on a phone: `minutes fix Viestintä 1 5 Päätettiin …`. */
export const minutesFix = defineCommand({
  path: ["minutes", "fix"],
  args: () => z.object({ group: groupName(), meeting: meetingNumber(), item: itemNumber(), decision: restOfLine(4000) }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const view = await services.minutes.editItem(inv, args.group, args.meeting, args.item, args.decision);
    return done(p, "minutes.edited", { number: view.meeting.number, approved: view.approvals.length, needed: view.needed });
  },
});
