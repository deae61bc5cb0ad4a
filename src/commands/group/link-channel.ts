import { z } from "zod";
import { context } from "../../render/build.ts";
import { done } from "../done.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { nameSlug, typedName } from "../../core/shared/words.ts";
import { channelRef, groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupLinkChannel = defineCommand({
  path: ["group", "link-channel"],
  args: () => z.object({ group: groupName(), channel: channelRef().optional() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    // Without a channel argument, the channel the command was typed in is the one meant.
    const channel = args.channel ?? inv.channelId ?? refuse("channel.none-given");
    const { group, sharedWith } = await services.groups.linkChannel(inv, args.group, channel);
    const linked = done(p, "groups.channel-linked", { name: group.name });
    if (sharedWith.length === 0) return linked;
    const shared = p.t("groups.channel-shared", { groups: sharedWith.join(", "), name: typedName(group.name), channelExample: nameSlug(group.name) });
    return { ...linked, blocks: [...linked.blocks, context(shared)] };
  },
});
