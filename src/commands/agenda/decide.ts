import { typedName } from "../../core/shared/words.ts";
import { z } from "zod";
import { done } from "../done.ts";
import { context } from "../../render/build.ts";
import { groupName, restOfLine } from "../args.ts";
import { defineCommand } from "../define.ts";
import { itemNumber } from "../meeting/args.ts";

export const agendaDecide = defineCommand({
  path: ["agenda", "decide"],
  args: () => z.object({ group: groupName(), item: itemNumber(), decision: restOfLine(4000) }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const { quorum } = await services.agenda.decide(inv, args.group, args.item, args.decision);
    const reply = done(p, "agenda.decision-recorded", { number: args.item });
    if (quorum.reached) return reply;
    const warning = p.t("agenda.decided-without-quorum", { present: quorum.present, members: quorum.members, required: quorum.required, group: typedName(args.group) });
    return { ...reply, blocks: [...reply.blocks, context(warning)] };
  },
});
