import { DateTime } from "luxon";
import { localeTags } from "../../i18n/locale.ts";
import type { Presentation } from "../../i18n/presentation.ts";

/**
 * A recurring reminder's cron expression in the reader's words, for the forms `remind add` reads
 * from words (when.ts): every day, weekdays, every Monday, the first day or the first Monday of the
 * month, monthly on a day. Any other expression (typed as cron) is shown as it is.
 */
export function cronInWords(p: Presentation, cron: string): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return cron;
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  if (!/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour) || month !== "*") return cron;
  const time = DateTime.fromObject({ hour: Number(hour), minute: Number(minute) }).setLocale(localeTags[p.locale]).toLocaleString({ hour: "2-digit", minute: "2-digit" });
  // 29 November 2026 was a Sunday, day 0 in cron's numbering.
  const weekday = (day: string) => DateTime.fromObject({ year: 2026, month: 11, day: 29 + Number(day) }).setLocale(localeTags[p.locale]).toFormat("cccc");
  if (dom === "*" && dow === "*") return p.t("reminders.repeat.daily", { time });
  if (dom === "*" && dow === "1-5") return p.t("reminders.repeat.weekdays", { time });
  if (dom === "*" && /^[0-6]$/.test(dow)) return p.t("reminders.repeat.weekly", { weekday: weekday(dow), time });
  if (dom === "*" && /^[0-6]#1$/.test(dow)) return p.t("reminders.repeat.first-weekday", { weekday: weekday(dow[0]!), time });
  if (dow === "*" && /^\d{1,2}$/.test(dom)) return p.t(dom === "1" ? "reminders.repeat.first-day" : "reminders.repeat.monthly", { day: Number(dom), time });
  return cron;
}
