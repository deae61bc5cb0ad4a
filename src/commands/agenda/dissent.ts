import { z } from "zod";
import { dissentMaxLength } from "../../core/meetings/law.ts";
import { done } from "../done.ts";
import { groupName, restOfLine } from "../args.ts";
import { defineCommand } from "../define.ts";
import { itemNumber } from "../meeting/args.ts";

/** Your dissenting opinion (eriävä mielipide) on a decided item, recorded under it in the minutes. */
export const agendaDissent = defineCommand({
  path: ["agenda", "dissent"],
  args: () => z.object({ group: groupName(), item: itemNumber(), text: restOfLine(dissentMaxLength) }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    await services.itemLaw.dissent(inv, args.group, args.item, args.text);
    return done(p, "agenda.dissent-recorded", { number: args.item });
  },
});
