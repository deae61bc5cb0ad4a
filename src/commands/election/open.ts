import { z } from "zod";
import { candidatesNeedingHandle, candidatesReply } from "../../core/elections/replies.ts";
import { onlyYou, text } from "../../render/build.ts";
import { msg } from "../../i18n/translate.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/** Voting opens: the roll is fixed and the lot seed's hash published, so it asks first. */
export const electionOpen = defineCommand({
  path: ["election", "open"],
  args: () => z.object({ election: electionId() }),
  sideEffects: true,
  precheck: ({ inv, services }, args) => services.elections.requireManagerOf(inv, args.election, "election open"),
  confirm: (args) => msg("elections.open.confirm", { id: args.election }),
  async run({ inv, services, p }, args) {
    const view = await services.elections.openVoting(inv, args.election);
    const opened = text(p.t("elections.voting-opened", { title: view.election.title, voters: view.roll.voters, hash: view.election.seedHash ?? "—", id: view.election.id }));
    if (view.election.method === "yes-no") return onlyYou(opened);
    const unknown = view.unknownSectors ?? [];
    const warning = unknown.length > 0 ? [text(p.t("elections.open.unknown-sectors", { candidates: unknown.join(", ") }))] : [];
    const handles = await services.people.handles(candidatesNeedingHandle(view.candidates));
    return onlyYou(opened, ...warning, ...candidatesReply(p, view, handles).blocks);
  },
});
