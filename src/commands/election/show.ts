import { z } from "zod";
import { showReply } from "../../core/elections/replies.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

export const electionShow = defineCommand({
  path: ["election", "show"],
  args: () => z.object({ election: electionId() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    return showReply(p, await services.elections.show(inv, args.election));
  },
});
