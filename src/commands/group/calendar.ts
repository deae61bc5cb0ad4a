import { z } from "zod";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { done } from "../done.ts";

/** `group calendar Viestintä`: the group's subscribable calendar feed, told only to the member who asks. */
export const groupCalendar = defineCommand({
  path: ["group", "calendar"],
  args: () => z.object({ group: groupName() }),
  sideEffects: false,
  async run({ inv, p, services }, args) {
    return done(p, "calendar.feed-url", await services.mail.calendarUrl(inv, args.group));
  },
});
