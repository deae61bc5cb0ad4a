import { z } from "zod";
import { done } from "../done.ts";
import { msg } from "../../i18n/translate.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

export const electionWithdraw = defineCommand({
  path: ["election", "withdraw"],
  args: () => z.object({ election: electionId() }),
  sideEffects: true,
  precheck: ({ inv, services }, args) => services.elections.nominations.requireOwnNomination(inv, args.election),
  confirm: (args) => msg("elections.withdraw.confirm", { id: args.election }),
  async run({ inv, services, p }, args) {
    const { election } = await services.elections.nominations.withdraw(inv, args.election);
    return done(p, "elections.withdrawn", { title: election.title });
  },
});
