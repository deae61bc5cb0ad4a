import { z } from "zod";
import { msg } from "../../i18n/translate.ts";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/**
 * A member who cannot vote hands the seat to their personal deputy (group rule `deputies-vote
 * prevented`); the deputy is told by direct message. It cannot be undone, so it asks first.
 */
export const electionPrevented = defineCommand({
  path: ["election", "prevented"],
  args: () => z.object({ election: electionId() }),
  sideEffects: true,
  precheck: ({ inv, services }, args) => services.elections.prevented.precheck(inv, args.election),
  confirm: (args) => msg("elections.prevented.confirm", { id: args.election }),
  async run({ inv, services, p }, args) {
    const { election, deputy } = await services.elections.prevented.declare(inv, args.election);
    if (deputy) await services.reminders.nudge([deputy], msg("elections.prevented.deputy-message", { title: election.title, id: election.id, member: inv.actor.person.displayName }));
    return done(p, "elections.prevented.done", { title: election.title, deputy: deputy?.displayName ?? "—" });
  },
});
