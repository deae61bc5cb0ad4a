import { z } from "zod";
import { profileReply } from "../../core/people/replies.ts";
import { profileFields } from "../../core/people/person.ts";
import { restOfLine } from "../args.ts";
import { defineCommand } from "../define.ts";

export const profileSet = defineCommand({
  path: ["profile", "set"],
  args: z.object({ field: z.enum(profileFields), value: restOfLine(120) }),
  sideEffects: true,
  async run({ inv, p, services }, { field, value }) {
    const person = await services.people.setProfileField(inv, field, value);
    return profileReply(p, person, await services.groups.listMine(inv));
  },
});
