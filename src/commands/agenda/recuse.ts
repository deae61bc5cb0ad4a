import { z } from "zod";
import { done } from "../done.ts";
import { groupName, personRef } from "../args.ts";
import { defineCommand } from "../define.ts";
import { itemNumber } from "../meeting/args.ts";

/** Records a disqualified person (esteellinen, §26): they neither vote nor take part in deciding the item. */
export const agendaRecuse = defineCommand({
  path: ["agenda", "recuse"],
  args: () => z.object({ group: groupName(), item: itemNumber(), person: personRef() }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    const person = await services.people.resolve(directory, args.person);
    await services.itemLaw.recuse(inv, args.group, args.item, person.id);
    return done(p, "agenda.recused-recorded", { person: person.displayName, number: args.item });
  },
});
