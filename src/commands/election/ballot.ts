import { z } from "zod";
import { ballotStep } from "./ballot-step.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/**
 * `election ballot e7k2m9q` starts a ballot built step by step; each choice the voter presses adds
 * one candidate (`election ballot e7k2m9q 3 1`), and the last button reviews and casts it.
 */
export const electionBallot = defineCommand({
  path: ["election", "ballot"],
  args: () => z.object({ election: electionId(), choices: z.string().trim().max(1000).optional().meta({ kind: "text", rest: true }) }),
  // Its arguments are a ballot.
  log: "secret",
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const draft = await services.elections.voting.draft(inv, args.election, args.choices ?? "");
    return ballotStep(p, draft.election, draft.candidates, draft.chosen);
  },
});
