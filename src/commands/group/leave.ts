import { z } from "zod";
import { done } from "../done.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupLeave = defineCommand({
  path: ["group", "leave"],
  args: () => z.object({ group: groupName() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const { group, left } = await services.groups.leave(inv, args.group);
    return done(p, left === "request" ? "groups.request-withdrawn" : "groups.left", { name: group.name });
  },
});
