import { z } from "zod";
import { reminderListReply } from "../../core/reminders/replies.ts";
import { groupName, pageArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const remindList = defineCommand({
  path: ["remind", "list"],
  args: () => z.object({ group: groupName(), page: pageArg() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const { group, reminders, recipients } = await services.reminders.list(inv, args.group, args.page);
    return reminderListReply(p, group, reminders, recipients);
  },
});
