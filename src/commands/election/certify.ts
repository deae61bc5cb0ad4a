import { z } from "zod";
import { done } from "../done.ts";
import { msg } from "../../i18n/translate.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/** Records that the regional government approved the result. */
export const electionCertify = defineCommand({
  path: ["election", "certify"],
  args: () => z.object({ election: electionId() }),
  sideEffects: true,
  // A named teller, not only an officer, confirms the result with this command.
  precheck: ({ inv, services }, args) => services.elections.tellers.requireCertifier(inv, args.election),
  confirm: (args) => msg("elections.certify.confirm", { id: args.election }),
  async run({ inv, services, p }, args) {
    const outcome = await services.elections.certify(inv, args.election);
    if (!outcome.certified) return done(p, "elections.teller-confirmed", { title: outcome.election.title, pending: outcome.pending.join(", ") });
    return done(p, "elections.certified", { title: outcome.election.title });
  },
});
