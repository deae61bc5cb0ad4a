import type { Locale } from "../../i18n/locale.ts";
import type { Translator } from "../../i18n/translate.ts";
import { context, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { Group } from "../groups/group.ts";
import type { Reminder } from "./reminder.ts";
import { reminderText, reminderWhen } from "./service.ts";

/** Display names of the people personal nudges go to, by person id. */
export type Recipients = ReadonlyMap<string, string>;

export function reminderLine(t: Translator, locale: Locale, r: Reminder, recipients: Recipients): string {
  const words = reminderText(r, locale);
  const when = reminderWhen(r, locale);
  const base = r.cron
    ? t("reminders.list.recurring", { id: r.id, when, cron: r.cron, text: words })
    : r.nextDueAt
      ? t("reminders.list.once", { id: r.id, when, text: words })
      : t("reminders.list.done", { id: r.id, text: words });
  const to =
    r.audience?.kind === "person"
      ? ` ${t("reminders.list.to-person", { person: recipients.get(r.audience.personId) ?? "—" })}`
      : r.audience?.kind === "non-voters"
        ? ` ${t("reminders.list.to-non-voters")}`
        : "";
  return r.pausedAt ? `${base}${to} ${t("reminders.list.paused")}` : `${base}${to}`;
}

export function reminderListReply(t: Translator, locale: Locale, group: Group, reminders: readonly Reminder[], recipients: Recipients): Reply {
  if (reminders.length === 0) return onlyYou(text(t("reminders.list.none", { group: group.name })));
  return onlyYou(
    heading(t("reminders.list.title", { group: group.name, count: reminders.length })),
    list(reminders.map((r) => reminderLine(t, locale, r, recipients))),
    context(t("reminders.list.footer")),
  );
}

export const reminderAddedReply = (t: Translator, locale: Locale, group: Group, r: Reminder): Reply =>
  onlyYou(
    text(
      r.cron
        ? t("reminders.added.recurring", { group: group.name, when: reminderWhen(r, locale), cron: r.cron, id: r.id })
        : t("reminders.added.once", { group: group.name, when: reminderWhen(r, locale), id: r.id }),
    ),
  );
