import { z } from "zod";
import { done } from "../done.ts";
import { parseItemInput } from "../../core/meetings/item-input.ts";
import { groupName, longText } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "../meeting/args.ts";

/** The same as `agenda add`, for a chosen meeting rather than the next one. */
export const agendaAddTo = defineCommand({
  path: ["agenda", "add-to"],
  args: () => z.object({ group: groupName(), meeting: meetingNumber(), item: longText(4300) }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const added = await services.agenda.add(inv, args.group, parseItemInput(args.item), args.meeting);
    return done(p, added.item.late ? "agenda.added-late" : "agenda.added", {
      title: added.item.title,
      number: added.agendaNumber,
      group: added.group.name,
      meeting: added.meeting.number,
    });
  },
});
