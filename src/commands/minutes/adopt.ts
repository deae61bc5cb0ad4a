import { z } from "zod";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { done } from "../done.ts";
import { meetingNumber } from "../meeting/args.ts";

/** The other path of §31: the meeting now open approves an earlier meeting's minutes. */
export const minutesAdopt = defineCommand({
  path: ["minutes", "adopt"],
  args: () => z.object({ group: groupName(), meeting: meetingNumber() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const view = await services.minutes.adopt(inv, args.group, args.meeting);
    return done(p, "minutes.adopted", { number: view.meeting.number, at: view.approvedAt ?? "—" });
  },
});
