import { z } from "zod";
import { done } from "../done.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { channelRef, groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupLinkChannel = defineCommand({
  path: ["group", "link-channel"],
  args: () => z.object({ group: groupName(), channel: channelRef().optional() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    // Without a channel argument, the channel the command was typed in is the one meant.
    const channel = args.channel ?? inv.channelId ?? refuse("channel.none-given");
    const group = await services.groups.linkChannel(inv, args.group, channel);
    return done(p, "groups.channel-linked", { name: group.name });
  },
});
