import { z } from "zod";
import { reminderAddedReply } from "../../core/reminders/replies.ts";
import { groupName, restOfLine } from "../args.ts";
import { defineCommand } from "../define.ts";

/** `remind add Viestintä joka maanantai 9:00 Viikkopalaveri` — the time grammar is in core/reminders/when.ts. */
export const remindAdd = defineCommand({
  path: ["remind", "add"],
  args: () => z.object({ group: groupName(), reminder: restOfLine(1000) }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const { reminder, group } = await services.reminders.add(inv, args.group, args.reminder, p.timeZone);
    return reminderAddedReply(p, group, reminder);
  },
});
