import { z } from "zod";
import { done } from "../done.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { itemNumber } from "../meeting/args.ts";

export const agendaAccept = defineCommand({
  path: ["agenda", "accept"],
  args: () => z.object({ group: groupName(), item: itemNumber() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const changed = await services.agenda.accept(inv, args.group, args.item);
    return done(p, "agenda.accepted", { title: changed.item.title, number: args.item, group: changed.group.name });
  },
});
