import { z } from "zod";
import { electionAttachments, tallyCommand } from "../../core/elections/export.ts";
import { onlyYou, text } from "../../render/build.ts";
import { defineCommand } from "../define.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { recordFileName } from "../../core/elections/record/build.ts";
import { electionId } from "./args.ts";

/** Ballots as BLT (recount with `npm run tally`), results as CSV and Markdown; `record`: the election record (`npm run verify`). */
export const electionExport = defineCommand({
  path: ["election", "export"],
  args: () => z.object({ election: electionId(), format: z.enum(["record"]).optional() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const view = await services.elections.ballots(inv, args.election);
    const { election } = view;
    if (args.format === "record") {
      if (!election.record || !election.recordHash) refuse("election.no-record", { title: election.title });
      const file = recordFileName(election.id);
      return {
        ...onlyYou(text(p.t("elections.record.exported", { title: election.title, hash: election.recordHash, file }))),
        attachments: [{ filename: file, mimeType: "application/json", content: election.record }],
      };
    }
    return {
      ...onlyYou(text(p.t("elections.exported", { title: election.title, command: tallyCommand(election, view.candidates) }))),
      attachments: electionAttachments(p, election, view.candidates, view.ballots),
    };
  },
});
