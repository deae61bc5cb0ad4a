import { z } from "zod";
import { actionListReply } from "../../core/meetings/replies.ts";
import { groupName, pageArg } from "../args.ts";
import { defineCommand } from "../define.ts";

/** Words that ask for one's own items rather than a group's: `action list mine` (omat, mina). */
const mine = new Set(["mine", "omat", "mina"]);

/** Without a group (or with `mine`): my open action items everywhere; with one: the group's, done ones included. */
export const actionList = defineCommand({
  path: ["action", "list"],
  args: () => z.object({ group: groupName().optional(), page: pageArg() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const group = args.group && !mine.has(args.group.toLocaleLowerCase("fi")) ? args.group : undefined;
    const actions = await services.actions.list(inv, group, args.page);
    const title = group ? p.t("actions.title-group", { group }) : p.t("actions.title-mine");
    return actionListReply(p, title, actions, { command: "action list", args: group ? { group } : {} });
  },
});
