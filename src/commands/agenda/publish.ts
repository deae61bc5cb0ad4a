import { z } from "zod";
import { done } from "../done.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

export const agendaPublish = defineCommand({
  path: ["agenda", "publish"],
  args: z.object({ group: groupName() }),
  sideEffects: true,
  async run({ inv, services, t }, args) {
    const published = await services.agenda.publish(inv, args.group);
    return done(t, published.group.channelId ? "agenda.published" : "agenda.published-no-channel", {
      group: published.group.name,
      number: published.meeting.number,
      count: published.agenda.length,
    });
  },
});
