import { z } from "zod";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { done } from "../done.ts";
import { meetingNumber } from "../meeting/args.ts";

/**
 * A checker's approval. The button carries the SHA-256 of the text the checker was shown, so a
 * press after a correction is refused; typed without it, it approves the text as it now reads.
 */
export const minutesApprove = defineCommand({
  path: ["minutes", "approve"],
  args: () => z.object({ group: groupName(), meeting: meetingNumber(), hash: z.string().trim().regex(/^[0-9a-f]{64}$/).optional() }),
  sideEffects: true,
  // Kept out of help and Discord's menu (its size limit): the buttons run it; typed, it still works.
  hidden: true,
  async run({ inv, services, p }, args) {
    const view = await services.minutes.approve(inv, args.group, args.meeting, args.hash);
    return done(p, "minutes.approved", { number: view.meeting.number, approved: view.approvals.length, needed: view.needed });
  },
});
