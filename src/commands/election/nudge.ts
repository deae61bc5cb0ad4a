import { z } from "zod";
import { done } from "../done.ts";
import { msg } from "../../i18n/translate.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/** Direct messages to everyone on the roll who has not voted yet; nobody learns about anybody else. */
export const electionNudge = defineCommand({
  path: ["election", "nudge"],
  args: () => z.object({ election: electionId() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const { election, people } = await services.elections.pendingVoters(inv, args.election);
    const { sent } = await services.reminders.nudge(people, msg("elections.nudge.message", { title: election.title, id: election.id }));
    return done(p, "elections.nudge.sent", { count: sent, id: election.id });
  },
});
