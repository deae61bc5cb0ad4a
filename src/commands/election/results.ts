import { z } from "zod";
import { resultsReply } from "../../core/elections/results-render.ts";
import { defineCommand } from "../define.ts";
import { context } from "../../render/build.ts";
import { electionId } from "./args.ts";

export const electionResults = defineCommand({
  path: ["election", "results"],
  args: () => z.object({ election: electionId() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const view = await services.elections.results(inv, args.election);
    const reply = resultsReply(p, view.election, view.candidates, view.roll);
    const hash = view.election.recordHash;
    return hash ? { ...reply, blocks: [...reply.blocks, context(p.t("elections.record.hash", { hash }))] } : reply;
  },
});
