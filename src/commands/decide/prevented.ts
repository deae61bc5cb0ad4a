import { z } from "zod";
import { msg } from "../../i18n/translate.ts";
import { groupName } from "../args.ts";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "../meeting/args.ts";

/**
 * A member who cannot answer a decision without a meeting hands the seat to their personal deputy
 * (group rule `deputies-vote prevented`); the deputy is told by direct message. It cannot be
 * undone, so it asks first.
 */
export const decisionPrevented = defineCommand({
  path: ["decision", "prevented"],
  args: () => z.object({ group: groupName(), number: meetingNumber() }),
  sideEffects: true,
  precheck: ({ inv, services }, args) => services.decisions.preventedPrecheck(inv, args.group, args.number),
  confirm: (args) => msg("decision.prevented.confirm", { number: args.number, group: args.group }),
  async run({ inv, services, p }, args) {
    const { group, decision, deputy } = await services.decisions.declarePrevented(inv, args.group, args.number);
    const member = inv.actor.person.displayName;
    if (deputy) await services.reminders.nudge([deputy], msg("decision.prevented.deputy-message", { member, group: group.name, number: decision.number }));
    return done(p, "decision.prevented.done", { number: decision.number, deputy: deputy?.displayName ?? "—" });
  },
});
