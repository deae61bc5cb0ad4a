import { z } from "zod";
import { sectorKey } from "../../core/sectors/sector-name.ts";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";
import { electionId, maxSeats, sector } from "./args.ts";

export const electionQuota = defineCommand({
  path: ["election", "quota"],
  args: () => z.object({ election: electionId(), sector: sector(), max: maxSeats() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const election = await services.elections.setQuota(inv, args.election, args.sector, args.max);
    // The list's spelling, as stored.
    const sector = Object.keys(election.quotas).find((stored) => sectorKey(stored) === sectorKey(args.sector)) ?? args.sector;
    return done(p, "elections.quota-set", { title: election.title, sector, max: args.max });
  },
});
