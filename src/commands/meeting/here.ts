import { z } from "zod";
import { done } from "../done.ts";
import { attendanceMode, groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

/** A member on a phone marks themselves present (or remote) at the open meeting. */
export const meetingHere = defineCommand({
  path: ["meeting", "here"],
  args: () => z.object({ group: groupName(), mode: attendanceMode().default("present") }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const view = await services.meetings.attend(inv, args.group, inv.actor.person.id, args.mode, null);
    const q = view.quorum;
    return done(p, "meetings.attendance-recorded", {
      person: inv.actor.person.displayName,
      mode: p.t(`meetings.mode.${args.mode}`),
      quorum: p.t(q.reached ? "meetings.quorum.yes" : "meetings.quorum.no", { present: q.present, members: q.members, required: q.required }),
    });
  },
});
