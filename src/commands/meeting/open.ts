import { z } from "zod";
import { meetingShowReply } from "../../core/meetings/replies.ts";
import { showTime } from "../../core/shared/show-time.ts";
import { heading } from "../../render/build.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const meetingOpen = defineCommand({
  path: ["meeting", "open"],
  args: () => z.object({ group: groupName() }),
  sideEffects: true,
  precheck: ({ inv, services }, args) => services.groups.requireManagerOf(inv, args.group, "meeting open"),
  async review({ inv, services, p }, args) {
    const early = await services.meetings.openingEarly(inv, args.group);
    return early && p.t("meetings.open-early", { number: early.number, when: showTime(p, "weekdayDateTime", early.startsAt) });
  },
  async run({ inv, services, p }, args) {
    const view = await services.meetings.open(inv, args.group);
    const shown = meetingShowReply(p, view);
    return { ...shown, blocks: [heading(p.t("meetings.opened", { group: view.group.name, number: view.meeting.number })), ...shown.blocks.slice(1)] };
  },
});
