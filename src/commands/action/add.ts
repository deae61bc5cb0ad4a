import { z } from "zod";
import { done } from "../done.ts";
import { parseDueDate } from "../../core/meetings/when.ts";
import { showTime } from "../../core/shared/show-time.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { groupName, personRef, restOfLine } from "../args.ts";
import { defineCommand } from "../define.ts";

export const actionAdd = defineCommand({
  path: ["action", "add"],
  args: () => z.object({ group: groupName(), owner: personRef(), due: z.string().trim().min(1).max(20), text: restOfLine(1000) }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    const due = parseDueDate(args.due, p.timeZone) ?? refuse("action.bad-date", { given: args.due });
    const owner = await services.people.resolve(directory, args.owner);
    const { action, group } = await services.actions.add(inv, args.group, owner, due, args.text);
    return done(p, "actions.added", { number: action.number, group: group.name, owner: owner.displayName, due: showTime(p, "date", due) });
  },
});
