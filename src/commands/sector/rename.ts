import { z } from "zod";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";
import { newSectorName, sectorRef } from "./args.ts";

export const sectorRename = defineCommand({
  path: ["sector", "rename"],
  args: () => z.object({ sector: sectorRef(), name: newSectorName() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const { sector, old, uses } = await services.sectors.rename(inv, args.sector, args.name);
    return done(p, "sectors.renamed", { old, sector: sector.name, ...uses });
  },
});
