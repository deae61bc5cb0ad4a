import type { Presentation } from "../../i18n/presentation.ts";
import { context, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import { pageFooter } from "../../render/paging.ts";
import type { Page } from "../shared/page.ts";
import type { Group } from "../groups/group.ts";
import type { Reminder } from "./reminder.ts";
import { reminderText, reminderWhen } from "./service.ts";
import { cronInWords } from "./cron-words.ts";

/** Display names of the people personal nudges go to, by person id. */
export type Recipients = ReadonlyMap<string, string>;

export function reminderLine(p: Presentation, r: Reminder, recipients: Recipients): string {
  const words = reminderText(p, r);
  const when = reminderWhen(p, r);
  const base = r.cron
    ? p.t("reminders.list.recurring", { id: r.id, when, repeats: cronInWords(p, r.cron), text: words })
    : r.nextDueAt
      ? p.t("reminders.list.once", { id: r.id, when, text: words })
      : p.t("reminders.list.done", { id: r.id, text: words });
  const to =
    r.audience?.kind === "person"
      ? ` ${p.t("reminders.list.to-person", { person: recipients.get(r.audience.personId) ?? "—" })}`
      : r.audience?.kind === "non-voters"
        ? ` ${p.t("reminders.list.to-non-voters")}`
        : "";
  return r.pausedAt ? `${base}${to} ${p.t("reminders.list.paused")}` : `${base}${to}`;
}

export function reminderListReply(p: Presentation, group: Group, reminders: Page<Reminder>, recipients: Recipients): Reply {
  if (reminders.total === 0) return onlyYou(text(p.t("reminders.list.none", { group: group.name })));
  return onlyYou(
    heading(p.t("reminders.list.title", { group: group.name, count: reminders.total })),
    list(reminders.items.map((r) => reminderLine(p, r, recipients))),
    context(p.t("reminders.list.footer")),
    ...pageFooter(p, reminders, { command: "remind list", args: { group: group.name } }),
  );
}

export const reminderAddedReply = (p: Presentation, group: Group, r: Reminder): Reply =>
  onlyYou(
    text(
      r.cron
        ? p.t("reminders.added.recurring", { group: group.name, when: reminderWhen(p, r), cron: r.cron, id: r.id })
        : p.t("reminders.added.once", { group: group.name, when: reminderWhen(p, r), id: r.id }),
    ),
  );
