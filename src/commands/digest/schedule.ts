import { z } from "zod";
import { done } from "../done.ts";
import { showTime } from "../../core/shared/show-time.ts";
import { channelRef, keyword } from "../args.ts";
import { defineCommand } from "../define.ts";

export const digestSchedule = defineCommand({
  path: ["digest", "schedule"],
  args: () => z.object({
    period: keyword({ weekly: ["viikoittain", "viikko", "veckovis", "vecka", "week"], monthly: ["kuukausittain", "kuukausi", "månadsvis", "månad", "month"] }),
    channel: channelRef(),
    when: z.string().trim().max(40).meta({ kind: "text", rest: true }).optional(),
  }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const saved = await services.digest.schedule(inv, args.period, args.channel, args.when, p.timeZone);
    const next = saved.nextDueAt ? showTime(p, "weekdayDateTime", saved.nextDueAt) : "—";
    return done(p, "digest.scheduled", { period: p.t(`digest.period.${args.period}`), channel: saved.channelId, next });
  },
});
