import { z } from "zod";
import { done } from "../done.ts";
import { reminderWhen } from "../../core/reminders/service.ts";
import { shortIdArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const remindResume = defineCommand({
  path: ["remind", "resume"],
  args: z.object({ reminderId: shortIdArg() }),
  sideEffects: true,
  async run({ inv, services, t }, args) {
    const reminder = await services.reminders.resume(inv, args.reminderId);
    return done(t, "reminders.resumed", { id: reminder.id, when: reminderWhen(reminder, inv.locale) });
  },
});
