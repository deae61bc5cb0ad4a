import { z } from "zod";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

export const electionOpenNominations = defineCommand({
  path: ["election", "open-nominations"],
  args: () => z.object({ election: electionId() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const election = await services.elections.openNominations(inv, args.election);
    return done(p, "elections.nominations-opened", { title: election.title, id: election.id });
  },
});
