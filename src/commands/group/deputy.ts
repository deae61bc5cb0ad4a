import { z } from "zod";
import { done } from "../done.ts";
import { groupName, personRef } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupDeputy = defineCommand({
  path: ["group", "deputy"],
  args: () => z.object({ group: groupName(), deputy: personRef(), member: personRef() }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    const deputy = await services.people.resolve(directory, args.deputy);
    const member = await services.people.resolve(directory, args.member);
    const group = await services.groups.setDeputy(inv, args.group, deputy, member);
    return done(p, "groups.deputy-set", { deputy: deputy.displayName, member: member.displayName, name: group.name });
  },
});
