import { z } from "zod";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";

export const digestUnschedule = defineCommand({
  path: ["digest", "unschedule"],
  args: () => z.object({}),
  sideEffects: true,
  async run({ inv, services, p }) {
    const stopped = await services.digest.unschedule(inv);
    return done(p, "digest.unscheduled", { period: p.t(`digest.period.${stopped.period}`), channel: stopped.channelId });
  },
});
