import { z } from "zod";
import { done } from "../done.ts";
import { newGroupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupCreate = defineCommand({
  path: ["group", "create"],
  args: () => z.object({ name: newGroupName() }),
  sideEffects: true,
  async run({ inv, services, p }, { name }) {
    const group = await services.groups.create(inv, name);
    return done(p, "groups.created", { name: group.name });
  },
});
