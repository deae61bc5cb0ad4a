import { z } from "zod";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";
import { criterion, electionId } from "./args.ts";

export const electionCriteria = defineCommand({
  path: ["election", "criteria"],
  args: () => z.object({ election: electionId(), criterion: criterion() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const election = await services.elections.addCriterion(inv, args.election, args.criterion);
    return done(p, "elections.criterion-added", { title: election.title, count: election.criteria.length, criterion: args.criterion });
  },
});
