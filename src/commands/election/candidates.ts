import { z } from "zod";
import { candidatesNeedingHandle, candidatesReply } from "../../core/elections/replies.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

export const electionCandidates = defineCommand({
  path: ["election", "candidates"],
  args: () => z.object({ election: electionId() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const view = await services.elections.show(inv, args.election);
    return candidatesReply(p, view, await services.people.handles(candidatesNeedingHandle(view.candidates)));
  },
});
