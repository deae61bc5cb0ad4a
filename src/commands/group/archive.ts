import { z } from "zod";
import { done } from "../done.ts";
import { msg } from "../../i18n/translate.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupArchive = defineCommand({
  path: ["group", "archive"],
  args: () => z.object({ group: groupName() }),
  sideEffects: true,
  precheck: ({ inv, services }, args) => services.groups.requireManagerOf(inv, args.group, "archive"),
  confirm: (args) => msg("groups.archive.confirm", { group: args.group }),
  async run({ inv, services, p }, args) {
    const group = await services.groups.archive(inv, args.group);
    return done(p, "groups.archived", { name: group.name });
  },
});
