import { z } from "zod";
import { done } from "../done.ts";
import { msg } from "../../i18n/translate.ts";
import { shortIdArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const remindRemove = defineCommand({
  path: ["remind", "remove"],
  args: () => z.object({ reminderId: shortIdArg() }),
  sideEffects: true,
  precheck: ({ inv, services }, args) => services.reminders.requireManaged(inv, args.reminderId, "remind remove"),
  confirm: (args) => msg("reminders.remove.confirm", { id: args.reminderId }),
  async run({ inv, services, p }, args) {
    const reminder = await services.reminders.remove(inv, args.reminderId);
    return done(p, "reminders.removed", { id: reminder.id });
  },
});
