import { z } from "zod";
import { resultsReply } from "../../core/elections/results-render.ts";
import { msg } from "../../i18n/translate.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

export const electionClose = defineCommand({
  path: ["election", "close"],
  args: () => z.object({ election: electionId() }),
  sideEffects: true,
  precheck: ({ inv, services }, args) => services.elections.requireManagerOf(inv, args.election, "election close"),
  confirm: (args) => msg("elections.close.confirm", { id: args.election }),
  async run({ inv, services, p }, args) {
    const view = await services.elections.close(inv, args.election);
    return resultsReply(p, view.election, view.candidates, view.roll);
  },
});
