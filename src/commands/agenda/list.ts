import { z } from "zod";
import { agendaListReply } from "../../core/meetings/replies.ts";
import { groupName, pageArg } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "../meeting/args.ts";

export const agendaList = defineCommand({
  path: ["agenda", "list"],
  args: () => z.object({ group: groupName(), meeting: meetingNumber().optional(), page: pageArg() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const found = await services.agenda.list(inv, args.group, args.meeting, args.page);
    // The next page is of the same meeting, even if another one becomes current meanwhile.
    return agendaListReply(p, found, { command: "agenda list", args: { group: found.group.name, meeting: found.meeting.number } });
  },
});
