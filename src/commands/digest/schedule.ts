import { z } from "zod";
import { DateTime } from "luxon";
import { done } from "../done.ts";
import { channelRef } from "../args.ts";
import { defineCommand } from "../define.ts";

export const digestSchedule = defineCommand({
  path: ["digest", "schedule"],
  args: z.object({
    period: z.enum(["weekly", "monthly"]),
    channel: channelRef(),
    when: z.string().trim().max(40).meta({ kind: "text", rest: true }).optional(),
  }),
  sideEffects: true,
  async run({ inv, services, t, timeZone }, args) {
    const saved = await services.digest.schedule(inv, args.period, args.channel, args.when, timeZone);
    const next = saved.nextDueAt ? DateTime.fromJSDate(saved.nextDueAt, { zone: timeZone }).setLocale(inv.locale).toFormat("ccc d.M.yyyy H:mm") : "—";
    return done(t, "digest.scheduled", { period: t(`digest.period.${args.period}`), channel: saved.channelId, next });
  },
});
