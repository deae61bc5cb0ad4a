import type { Presentation } from "../../i18n/presentation.ts";
import { defaultOutboxOptions } from "../outbox/worker.ts";
import type { ChatEvent, ChatPort } from "../shared/chat.ts";
import type { Clock } from "../shared/clock.ts";
import { loggedError } from "../shared/logged-error.ts";
import type { Logger } from "../shared/logger.ts";
import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";
import type { PendingEvent } from "../mail/store.ts";
import type { Group } from "../groups/group.ts";
import type { Meeting } from "../meetings/meeting.ts";

export interface PlatformEventDeps {
  readonly uow: UnitOfWork;
  readonly chat: ChatPort;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The channel's language and the council's time zone: events are read by the whole guild. */
  readonly channel: Presentation;
}

const hour = 3_600_000;
// The outbox's lease, attempts and back-off: an event is a post of another kind.
const { leaseMs, maxAttempts, backoffMs } = defaultOutboxOptions;

/**
 * Meetings as the platform's own events (Discord's guild scheduled events), made durable as posts
 * are: a change marks the meeting's event pending in its own transaction; the sync right after the
 * commit and every scheduler tick bring the platform in line with the meeting as it then stands
 * (created, moved, or cancelled), retrying with the outbox's back-off. A crash or a refusal between
 * the change and the platform is therefore not lost, and a retry sends the meeting's latest state.
 */
export class PlatformEvents {
  constructor(private readonly deps: PlatformEventDeps) {}

  /** Whether this platform has events at all: elsewhere nothing is marked or synced. */
  get supported(): boolean {
    return Boolean(this.deps.chat.scheduleEvent && this.deps.chat.cancelEvent);
  }

  /** In the change's unit of work. */
  async markPending(stores: Stores, group: Group, meeting: Meeting): Promise<void> {
    if (this.supported && group.channelId) await stores.mail.markEventPending(meeting.id);
  }

  /** Syncs what is pending and due now; never throws (what fails stays pending). Returns how many the platform now has. */
  async syncDue(now: Date = this.deps.clock.now(), onlyMeetingId?: string): Promise<number> {
    if (!this.supported) return 0;
    let synced = 0;
    try {
      const pending = await this.deps.uow.read.mail.pendingEvents(now, 50);
      for (const event of pending.filter((e) => onlyMeetingId === undefined || e.meetingId === onlyMeetingId)) {
        if (await this.syncOne(event, now)) synced += 1;
      }
    } catch (error) {
      this.deps.logger.error({ err: loggedError(error) }, "platform events could not be read");
    }
    return synced;
  }

  private async syncOne(event: PendingEvent, now: Date): Promise<boolean> {
    const { uow, chat, logger } = this.deps;
    if (!(await uow.run((stores) => stores.mail.claimEvent(event, now, new Date(now.getTime() + leaseMs))))) return false;
    try {
      const meeting = await uow.read.meetings.findById(event.meetingId);
      const group = meeting && (await uow.read.groups.findById(meeting.groupId));
      const channel = group?.channelId;
      let platformEventId = event.platformEventId;
      if (meeting && channel) {
        if (meeting.status === "cancelled") {
          if (platformEventId) await chat.cancelEvent!(channel, platformEventId);
        } else {
          platformEventId = await chat.scheduleEvent!(channel, this.eventOf(group, meeting), platformEventId);
        }
      }
      await uow.run((stores) => stores.mail.eventSynced(event, platformEventId));
      return true;
    } catch (error) {
      const attempts = event.attempts + 1;
      const retryAt = attempts >= maxAttempts ? null : new Date(now.getTime() + backoffMs * 2 ** (attempts - 1));
      await uow.run((stores) => stores.mail.eventFailed(event, retryAt)).catch(() => undefined);
      const fields = { err: loggedError(error), meeting: event.meetingId, attempts };
      if (retryAt) logger.warn({ ...fields, retryAt }, "the meeting's platform event could not be updated; retrying");
      else logger.error(fields, "the meeting's platform event could not be updated; given up until the meeting changes again");
      return false;
    }
  }

  private eventOf(group: Group, meeting: Meeting): ChatEvent {
    const { t } = this.deps.channel;
    const remote = meeting.place && /^https?:\/\//i.test(meeting.place) ? meeting.place : null;
    return {
      name: t("calendar.meeting", { group: group.name, number: meeting.number }),
      description: [remote ? t("calendar.remote", { link: remote }) : null, t("calendar.agenda")].filter(Boolean).join("\n"),
      startsAt: meeting.startsAt,
      endsAt: new Date(meeting.startsAt.getTime() + 2 * hour),
      location: meeting.place ?? group.name,
    };
  }
}
