import { z } from "zod";
import { electionAttachments, tallyCommand } from "../../core/elections/export.ts";
import { onlyYou, text } from "../../render/build.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/** Ballots as BLT (recount with `npm run tally`), results as CSV and Markdown. */
export const electionExport = defineCommand({
  path: ["election", "export"],
  args: z.object({ election: electionId() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const view = await services.elections.ballots(inv, args.election);
    const { election } = view;
    return {
      ...onlyYou(text(p.t("elections.exported", { title: election.title, command: tallyCommand(election, view.candidates) }))),
      attachments: electionAttachments(p, election, view.candidates, view.ballots),
    };
  },
});
