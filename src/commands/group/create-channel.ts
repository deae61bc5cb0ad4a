import { z } from "zod";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { done } from "../done.ts";

export const groupCreateChannel = defineCommand({
  path: ["group", "create-channel"],
  args: () => z.object({ group: groupName() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const group = await services.groups.createChannel(inv, args.group);
    return done(p, "groups.channel-created", { name: group.name });
  },
});
