import { z } from "zod";
import { done } from "../done.ts";
import { flag, groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { itemNumber, voteCount } from "../meeting/args.ts";

/**
 * The counts of an open vote among those present (yes, no, abstain), recorded with the decision.
 * `--three-quarters` for items needing ¾ of the votes cast (§27(3)); on a tie the chair states
 * their opinion with `--chair-yes` or `--chair-no` (§27(2)). The grammar has flags, not valued
 * options, so the chair's opinion is two flags rather than `--chair-decides yes`.
 */
export const agendaVote = defineCommand({
  path: ["agenda", "vote"],
  args: () => z.object({
    group: groupName(),
    item: itemNumber(),
    yes: voteCount(),
    no: voteCount(),
    abstain: voteCount().default(0),
    "three-quarters": flag(),
    "chair-yes": flag(),
    "chair-no": flag(),
  }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    if (args["chair-yes"] && args["chair-no"]) return done(p, "agenda.chair-both");
    const chairSays = args["chair-yes"] ? "yes" : args["chair-no"] ? "no" : null;
    const threshold = args["three-quarters"] ? "three-quarters" : "majority";
    const voted = await services.itemLaw.vote(inv, args.group, args.item, args, { threshold, chairSays });
    const counts = { number: args.item, yes: args.yes, no: args.no, abstain: args.abstain };
    const key = voted.tieBreak === "chair" ? (voted.passed ? "agenda.vote-chair-passed" : "agenda.vote-chair-failed") : voted.passed ? "agenda.vote-passed" : "agenda.vote-failed";
    return done(p, key, counts);
  },
});
