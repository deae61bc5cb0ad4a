import { z } from "zod";
import { answeredReply } from "../../core/decisions/replies.ts";
import { answerSchema } from "../../core/decisions/decision.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { meetingNumber } from "../meeting/args.ts";

/** A member's answer to a decision without a meeting; the proposal's buttons run it as the presser. */
export const decisionAnswer = defineCommand({
  path: ["decision", "answer"],
  args: () => z.object({ group: groupName(), number: meetingNumber(), answer: answerSchema }),
  sideEffects: true,
  // Answered by the proposal's buttons (in the channel, by direct message and in `decision show`);
  // typed on Slack and the console, left out of help and of Discord's /council for its size limit.
  hidden: true,
  async run({ inv, services, p }, args) {
    const { decision, forMember } = await services.decisions.answer(inv, args.group, args.number, args.answer);
    return answeredReply(p, decision, args.answer, forMember);
  },
});
