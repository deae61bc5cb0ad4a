import { z } from "zod";
import { overviewReply } from "../../core/overview/reply.ts";
import { defineCommand } from "../define.ts";

/** `overview`: the person's groups, meetings, open agendas, elections and action items at a glance. */
export const overview = defineCommand({
  path: ["overview"],
  args: () => z.object({}),
  sideEffects: false,
  async run({ inv, p, services }) {
    return overviewReply(p, await services.overview.forPerson(inv));
  },
});
