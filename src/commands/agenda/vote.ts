import { z } from "zod";
import { done } from "../done.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { itemNumber, voteCount } from "../meeting/args.ts";

/** The counts of an open vote among those present (yes, no, abstain), recorded with the decision. */
export const agendaVote = defineCommand({
  path: ["agenda", "vote"],
  args: z.object({ group: groupName(), item: itemNumber(), yes: voteCount(), no: voteCount(), abstain: voteCount().default(0) }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const voted = await services.agenda.vote(inv, args.group, args.item, args);
    return done(p, voted.passed ? "agenda.vote-passed" : "agenda.vote-failed", { number: args.item, yes: args.yes, no: args.no, abstain: args.abstain });
  },
});
