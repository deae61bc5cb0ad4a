import { z } from "zod";
import { acceptReviewText } from "../../core/elections/replies.ts";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/** The nominee accepts, confirming the eligibility criteria shown first. */
export const electionAccept = defineCommand({
  path: ["election", "accept"],
  args: () => z.object({ election: electionId() }),
  sideEffects: true,
  async review({ inv, services, p }, args) {
    const { election } = await services.elections.nominations.acceptReview(inv, args.election);
    return acceptReviewText(p, election);
  },
  async run({ inv, services, p }, args) {
    const { election } = await services.elections.nominations.accept(inv, args.election);
    return done(p, "elections.accepted", { title: election.title, id: election.id });
  },
});
