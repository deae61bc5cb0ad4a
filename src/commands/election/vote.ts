import { z } from "zod";
import { ballotReviewText, votedReply } from "../../core/elections/replies.ts";
import { defineCommand } from "../define.ts";
import { choices, electionId } from "./args.ts";

/**
 * `election vote e7k2m9q 3 1 "Anna Aalto"` — the ballot is shown as understood, with confirm and
 * cancel; confirming casts it and gives the voter (only them) a receipt.
 */
export const electionVote = defineCommand({
  path: ["election", "vote"],
  args: () => z.object({ election: electionId(), choices: choices() }),
  // Its arguments are a ballot.
  log: "secret",
  sideEffects: true,
  async review({ inv, services, p }, args) {
    const review = await services.elections.voting.review(inv, args.election, args.choices);
    return ballotReviewText(p, review.election, review.choices, review.candidates);
  },
  async run({ inv, services, p }, args) {
    const cast = await services.elections.voting.vote(inv, args.election, args.choices);
    return votedReply(p, cast.election, cast.receipt, cast.yieldsTo);
  },
});
