import { z } from "zod";
import { done } from "../../core/groups/replies.ts";
import { groupName, restOfLine } from "../args.ts";
import { defineCommand } from "../define.ts";
import { itemNumber } from "../meeting/args.ts";

export const agendaDecide = defineCommand({
  path: ["agenda", "decide"],
  args: z.object({ group: groupName(), item: itemNumber(), decision: restOfLine(4000) }),
  sideEffects: true,
  async run({ inv, services, t }, args) {
    await services.agenda.decide(inv, args.group, args.item, args.decision);
    return done(t, "agenda.decision-recorded", { number: args.item });
  },
});
