import { z } from "zod";
import { done } from "../done.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { itemNumber } from "../meeting/args.ts";

export const actionDone = defineCommand({
  path: ["action", "done"],
  args: () => z.object({ group: groupName(), number: itemNumber() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const { action, group } = await services.actions.done(inv, args.group, args.number);
    return done(p, "actions.marked-done", { number: action.number, group: group.name, text: action.text });
  },
});
