import { z } from "zod";
import { done } from "../done.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const agendaPublish = defineCommand({
  path: ["agenda", "publish"],
  args: () => z.object({ group: groupName() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const published = await services.agenda.publish(inv, args.group);
    return done(p, published.group.channelId ? "agenda.published" : "agenda.published-no-channel", {
      group: published.group.name,
      number: published.meeting.number,
      count: published.agenda.length,
    });
  },
});
