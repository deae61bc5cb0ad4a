import { z } from "zod";
import { done } from "../done.ts";
import { groupName, restOfLine } from "../args.ts";
import { defineCommand } from "../define.ts";
import { itemNumber } from "../meeting/args.ts";

/** Rejects an item with a reason; the proposer is told by direct message. */
export const agendaReject = defineCommand({
  path: ["agenda", "reject"],
  args: () => z.object({ group: groupName(), item: itemNumber(), reason: restOfLine(500) }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const changed = await services.agenda.reject(inv, args.group, args.item, args.reason);
    return done(p, "agenda.rejected", { title: changed.item.title, number: args.item, group: changed.group.name });
  },
});
