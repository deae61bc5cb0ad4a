import { z } from "zod";
import { decisionReply } from "../../core/decisions/replies.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "../meeting/args.ts";

/** Where a decision without a meeting stands, or its minutes once closed. */
export const decisionShow = defineCommand({
  path: ["decision", "show"],
  args: () => z.object({ group: groupName(), number: meetingNumber() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const { group, decision, voters, nameOf } = await services.decisions.show(inv, args.group, args.number);
    return decisionReply(p, group, decision, voters, nameOf);
  },
});
