import { z } from "zod";
import { done } from "../done.ts";
import { groupName, personRef, role } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupAdd = defineCommand({
  path: ["group", "add"],
  args: () => z.object({ group: groupName(), person: personRef(), role: role().default("member") }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    const person = await services.people.resolve(directory, args.person);
    const group = await services.groups.add(inv, args.group, person, args.role);
    return done(p, "groups.added", { person: person.displayName, name: group.name, role: p.t(`role.${args.role}`) });
  },
});
