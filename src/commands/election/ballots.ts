import { z } from "zod";
import { ballotsReply } from "../../core/elections/replies.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/** The published anonymous ballot list: every receipt with its ballot, after closing. */
export const electionBallots = defineCommand({
  path: ["election", "ballots"],
  args: () => z.object({ election: electionId() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const view = await services.elections.ballots(inv, args.election);
    return ballotsReply(p, view.election, view.candidates, view.ballots);
  },
});
