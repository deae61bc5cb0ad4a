import { z } from "zod";
import { done } from "../done.ts";
import { parseItemInput } from "../../core/meetings/item-input.ts";
import { longText } from "../args.ts";
import { flag, groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

/**
 * A member adds an item to the group's next meeting: `Otsikko -- teksti https://linkki`.
 * `--elect` (an election) or `--rules` (a rule change) marks an item that must be in the notice to be decided (law.ts).
 */
export const agendaAdd = defineCommand({
  path: ["agenda", "add"],
  args: () => z.object({ group: groupName(), elect: flag(), rules: flag(), item: longText(4300) }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const added = await services.agenda.add(inv, args.group, { ...parseItemInput(args.item), kind: args.elect ? "election" : args.rules ? "rules" : null });
    return done(p, added.item.late ? "agenda.added-late" : "agenda.added", {
      title: added.item.title,
      number: added.agendaNumber,
      group: added.group.name,
      meeting: added.meeting.number,
    });
  },
});
