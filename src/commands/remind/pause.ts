import { z } from "zod";
import { done } from "../done.ts";
import { shortIdArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const remindPause = defineCommand({
  path: ["remind", "pause"],
  args: () => z.object({ reminderId: shortIdArg() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const reminder = await services.reminders.pause(inv, args.reminderId);
    return done(p, "reminders.paused", { id: reminder.id });
  },
});
