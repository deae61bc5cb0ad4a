import { z } from "zod";
import { done } from "../done.ts";
import { groupName, newGroupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupRename = defineCommand({
  path: ["group", "rename"],
  args: () => z.object({ group: groupName(), name: newGroupName() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const group = await services.groups.rename(inv, args.group, args.name);
    return done(p, "groups.renamed", { old: args.group, name: group.name });
  },
});
