import { z } from "zod";
import { done } from "../done.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { itemNumber } from "../meeting/args.ts";

export const agendaMove = defineCommand({
  path: ["agenda", "move"],
  args: () => z.object({ group: groupName(), item: itemNumber(), position: itemNumber() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const changed = await services.agenda.move(inv, args.group, args.item, args.position);
    return done(p, "agenda.moved", { title: changed.item.title, position: args.position, group: changed.group.name });
  },
});
