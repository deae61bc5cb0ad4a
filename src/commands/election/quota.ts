import { z } from "zod";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";
import { electionId, maxSeats, sector } from "./args.ts";

export const electionQuota = defineCommand({
  path: ["election", "quota"],
  args: z.object({ election: electionId(), sector: sector(), max: maxSeats() }),
  sideEffects: true,
  async run({ inv, services, t }, args) {
    const election = await services.elections.setQuota(inv, args.election, args.sector, args.max);
    return done(t, "elections.quota-set", { title: election.title, sector: args.sector, max: args.max });
  },
});
