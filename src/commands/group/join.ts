import { z } from "zod";
import { done } from "../done.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupJoin = defineCommand({
  path: ["group", "join"],
  args: () => z.object({ group: groupName() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const { group, requested } = await services.groups.join(inv, args.group);
    return done(p, requested ? "groups.join-requested" : "groups.joined", { name: group.name });
  },
});
