import { z } from "zod";
import { agendaListReply } from "../../core/meetings/replies.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "../meeting/args.ts";

export const agendaList = defineCommand({
  path: ["agenda", "list"],
  args: z.object({ group: groupName(), meeting: meetingNumber().optional() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    return agendaListReply(p, await services.agenda.list(inv, args.group, args.meeting));
  },
});
