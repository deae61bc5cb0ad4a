import { z } from "zod";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";
import { deputyMode, electionId } from "./args.ts";

export const electionDeputies = defineCommand({
  path: ["election", "deputies"],
  args: () => z.object({ election: electionId(), deputyMode: deputyMode() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const election = await services.elections.setDeputyMode(inv, args.election, args.deputyMode);
    return done(p, "elections.deputy-mode-set", { title: election.title, mode: p.t(`elections.deputy-mode.${args.deputyMode}`) });
  },
});
