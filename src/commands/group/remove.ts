import { z } from "zod";
import { done } from "../done.ts";
import { groupName, personRef } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupRemove = defineCommand({
  path: ["group", "remove"],
  args: () => z.object({ group: groupName(), person: personRef() }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    const person = await services.people.resolve(directory, args.person);
    const group = await services.groups.remove(inv, args.group, person);
    return done(p, "groups.removed", { person: person.displayName, name: group.name });
  },
});
