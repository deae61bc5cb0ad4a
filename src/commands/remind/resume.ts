import { z } from "zod";
import { done } from "../done.ts";
import { reminderWhen } from "../../core/reminders/service.ts";
import { shortIdArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const remindResume = defineCommand({
  path: ["remind", "resume"],
  args: () => z.object({ reminderId: shortIdArg() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const reminder = await services.reminders.resume(inv, args.reminderId);
    return done(p, "reminders.resumed", { id: reminder.id, when: reminderWhen(p, reminder) });
  },
});
