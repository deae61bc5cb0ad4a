import { z } from "zod";
import { profileReply } from "../../core/people/replies.ts";
import { defineCommand } from "../define.ts";

export const profile = defineCommand({
  path: ["profile"],
  args: () => z.object({}),
  sideEffects: false,
  async run({ inv, p, services }) {
    const groups = await services.groups.listMine(inv);
    return profileReply(p, inv.actor.person, groups);
  },
});
