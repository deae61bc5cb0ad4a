import { z } from "zod";
import { actionListReply } from "../../core/meetings/replies.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

/** Without a group: my open action items everywhere; with one: the group's, done ones included. */
export const actionList = defineCommand({
  path: ["action", "list"],
  args: z.object({ group: groupName().optional() }),
  sideEffects: false,
  async run({ inv, services, t, timeZone }, args) {
    const actions = await services.actions.list(inv, args.group);
    const title = args.group ? t("actions.title-group", { group: args.group }) : t("actions.title-mine");
    return actionListReply(t, timeZone, inv.locale, title, actions);
  },
});
