import { z } from "zod";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";
import { newSectorName } from "./args.ts";

export const sectorAdd = defineCommand({
  path: ["sector", "add"],
  args: () => z.object({ name: newSectorName() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const sector = await services.sectors.add(inv, args.name);
    return done(p, "sectors.added", { sector: sector.name });
  },
});
