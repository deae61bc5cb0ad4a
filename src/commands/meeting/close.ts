import { typedName } from "../../core/shared/words.ts";
import { z } from "zod";
import { context, onlyYou, text, withAttachment } from "../../render/build.ts";
import { minutesFile } from "../../core/meetings/replies.ts";
import { msg } from "../../i18n/translate.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const meetingClose = defineCommand({
  path: ["meeting", "close"],
  args: () => z.object({ group: groupName() }),
  sideEffects: true,
  precheck: ({ inv, services }, args) => services.groups.requireManagerOf(inv, args.group, "meeting close"),
  confirm: (args) => msg("meetings.close.confirm", { group: args.group }),
  async run({ inv, services, p }, args) {
    const closed = await services.meetings.close(inv, args.group);
    const reply = onlyYou(text(p.t("meetings.closed", { group: closed.group.name, number: closed.meeting.number })), context(p.t("meetings.minutes-hint", { group: typedName(closed.group.name), number: closed.meeting.number })));
    // The minutes also went to the group's channel (if linked); the closer gets the file to keep or pass on.
    return withAttachment(reply, minutesFile(closed.group, closed.meeting, closed.minutes));
  },
});
