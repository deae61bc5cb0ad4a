import { catalogues, type MessageKey } from "../../i18n/catalogues.ts";
import type { Locale } from "../../i18n/locale.ts";
import { render, type Message } from "../../i18n/translate.ts";
import { recordChange } from "../audit/record.ts";
import type { Group } from "../groups/group.ts";
import { findActiveGroup, requireManager } from "../groups/service.ts";
import type { Person } from "../people/person.ts";
import type { ChatPort } from "../shared/chat.ts";
import type { Clock } from "../shared/clock.ts";
import type { Invocation } from "../shared/invocation.ts";
import type { Logger } from "../shared/logger.ts";
import { readPage, type Page } from "../shared/page.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";
import { showTime } from "../shared/show-time.ts";
import type { Presentation } from "../../i18n/presentation.ts";
import { byDirectMessage } from "./recipients.ts";
import type { Reminder, StoredParam } from "./reminder.ts";
import type { SendQueue } from "./send-queue.ts";
import { nextOccurrence, parseWhen } from "./when.ts";
import { loggedError } from "../shared/logged-error.ts";

export interface ReminderServiceDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly queue: SendQueue;
  readonly chat: ChatPort;
  readonly channelLocale: Locale;
  readonly logger: Logger;
}

const subject = (reminder: Reminder) => ({ type: "reminder", id: reminder.id, groupId: reminder.groupId });

/** The reminder's next time, as its readers see times elsewhere ("ti 1.12.2026 klo 09.00"). */
export const reminderWhen = (p: Presentation, reminder: Reminder): string =>
  reminder.nextDueAt ? showTime(p, "weekdayDateTime", reminder.nextDueAt) : "—";

/** Typed reminders for a group's channel (officers only), and direct-message nudges. */
export class ReminderService {
  constructor(private readonly deps: ReminderServiceDeps) {}

  /** `when` is "<when> <text…>", e.g. "joka maanantai 9:00 Viikkopalaveri"; see when.ts for the grammar. */
  async add(inv: Invocation, groupName: string, whenAndText: string, timeZone: string): Promise<{ reminder: Reminder; group: Group }> {
    return this.deps.uow.run(async (stores) => {
      const group = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, group, "remind add");
      const now = this.deps.clock.now();
      const { schedule, text } = parseWhen(whenAndText, timeZone, now);
      if (!group.channelId) refuse("reminder.no-channel", { group: group.name });
      const nextDueAt = schedule.kind === "once" ? schedule.at : nextOccurrence(schedule.cron, timeZone, now);
      const reminder = await stores.reminders.create({
        workspaceId: inv.workspaceId,
        groupId: group.id,
        text,
        messageKey: null,
        params: {},
        cron: schedule.kind === "recurring" ? schedule.cron : null,
        timeZone,
        eventKey: null,
        audience: null,
        nextDueAt,
        pausedAt: null,
        createdById: inv.actor.person.id,
      });
      await recordChange(stores, this.deps.clock, inv, "reminder.created", subject(reminder), {
        after: { id: reminder.id, text, cron: reminder.cron ?? "—", at: nextDueAt.toISOString() },
      });
      return { reminder, group };
    });
  }

  async list(inv: Invocation, groupName: string, page = 1): Promise<{ group: Group; reminders: Page<Reminder>; recipients: Map<string, string> }> {
    const stores = this.deps.uow.read;
    const group = await findActiveGroup(stores, inv, groupName);
    const reminders = await readPage(page, () => stores.reminders.countForGroup(group.id), (w) => stores.reminders.listForGroup(group.id, w));
    const recipients = new Map<string, string>();
    for (const personId of new Set(reminders.items.flatMap((r) => (r.audience?.kind === "person" ? [r.audience.personId] : [])))) {
      const person = await stores.people.findById(personId);
      if (person) recipients.set(personId, person.displayName);
    }
    return { group, reminders, recipients };
  }

  /** Refuses, before a confirmation is asked, someone who may not change this reminder. */
  async requireManaged(inv: Invocation, id: string, action: string): Promise<void> {
    await this.managed(this.deps.uow.read, inv, id, action);
  }

  async remove(inv: Invocation, id: string): Promise<Reminder> {
    return this.deps.uow.run(async (stores) => {
      const { reminder } = await this.managed(stores, inv, id, "remind remove");
      await stores.reminders.remove(reminder.id);
      await recordChange(stores, this.deps.clock, inv, "reminder.removed", subject(reminder), {
        before: { id: reminder.id, text: reminder.text ?? reminder.messageKey },
      });
      return reminder;
    });
  }

  async pause(inv: Invocation, id: string): Promise<Reminder> {
    return this.deps.uow.run(async (stores) => {
      const { reminder } = await this.managed(stores, inv, id, "remind pause");
      if (reminder.pausedAt) refuse("reminder.already-paused", { id });
      if (!reminder.nextDueAt) refuse("reminder.finished", { id });
      const updated = await stores.reminders.update(reminder.id, { pausedAt: this.deps.clock.now() });
      await recordChange(stores, this.deps.clock, inv, "reminder.paused", subject(reminder), { after: { id } });
      return updated;
    });
  }

  async resume(inv: Invocation, id: string): Promise<Reminder> {
    return this.deps.uow.run(async (stores) => {
      const { reminder } = await this.managed(stores, inv, id, "remind resume");
      if (!reminder.pausedAt) refuse("reminder.not-paused", { id });
      const now = this.deps.clock.now();
      // Occurrences that fell while paused are not sent: a recurring one picks up from now.
      let nextDueAt = reminder.nextDueAt;
      if (reminder.cron) nextDueAt = nextOccurrence(reminder.cron, reminder.timeZone, now);
      else if (!nextDueAt || nextDueAt <= now) refuse("reminder.finished", { id });
      const updated = await stores.reminders.update(reminder.id, { pausedAt: null, nextDueAt });
      await recordChange(stores, this.deps.clock, inv, "reminder.resumed", subject(reminder), { after: { id } });
      return updated;
    });
  }

  /**
   * Nudges each person by direct message with the same words (in their own language). The
   * message names nobody else: the caller decides who is nudged (e.g. roll members who have not
   * voted), and no recipient learns who else was. Failures are logged and counted, never thrown.
   */
  async nudge(people: readonly Person[], message: Message): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    await Promise.all(
      people.map(async (person) => {
        const recipient = byDirectMessage(this.deps.chat, person, this.deps.channelLocale);
        try {
          await this.deps.queue.send(recipient.key, () => recipient.deliver(render(recipient.locale, message)));
          sent += 1;
        } catch (error) {
          failed += 1;
          this.deps.logger.warn({ err: loggedError(error), personId: person.id, key: message.key }, "nudge could not be sent");
        }
      }),
    );
    return { sent, failed };
  }

  private async managed(stores: Stores, inv: Invocation, id: string, action: string) {
    const reminder = await stores.reminders.findById(id.trim().toLowerCase());
    if (!reminder || reminder.workspaceId !== inv.workspaceId) refuse("reminder.not-found", { id });
    const group = await stores.groups.findById(reminder.groupId);
    if (!group) refuse("reminder.not-found", { id });
    await requireManager(stores, inv, group, action);
    return { reminder, group };
  }
}

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(catalogues.fi, key);

/** A reminder's words for the reader: its typed text, or its message. */
export function reminderText(p: Presentation, reminder: Reminder): string {
  if (reminder.text !== null) return reminder.text;
  if (reminder.messageKey && isMessageKey(reminder.messageKey)) {
    const shown = (value: StoredParam) =>
      typeof value !== "object" ? value : "time" in value ? showTime(p, "weekdayDateTime", new Date(value.time)) : showTime(p, "date", new Date(value.date));
    return p.t(reminder.messageKey, Object.fromEntries(Object.entries(reminder.params).map(([name, value]) => [name, shown(value)])));
  }
  return "—";
}
