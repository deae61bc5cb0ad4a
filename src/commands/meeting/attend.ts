import { z } from "zod";
import { done } from "../done.ts";
import { attendanceRecord, groupName, personRef } from "../args.ts";
import { defineCommand } from "../define.ts";

/** The secretary records attendance: present, remote or absent; a deputy may stand in for a member. */
export const meetingAttend = defineCommand({
  path: ["meeting", "attend"],
  args: () => z.object({
    group: groupName(),
    person: personRef(),
    mode: attendanceRecord().default("present"),
    for: personRef().optional(),
  }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    const person = await services.people.resolve(directory, args.person);
    const member = args.for ? await services.people.resolve(directory, args.for) : null;
    const view = await services.meetings.attend(inv, args.group, person.id, args.mode, member?.id ?? null);
    const q = view.quorum;
    return done(p, "meetings.attendance-recorded", {
      person: person.displayName,
      mode: p.t(`meetings.mode.${args.mode}`),
      quorum: p.t(q.reached ? "meetings.quorum.yes" : "meetings.quorum.no", { present: q.present, members: q.members, required: q.required }),
    });
  },
});
