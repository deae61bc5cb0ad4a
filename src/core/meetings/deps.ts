import type { Locale } from "../../i18n/locale.ts";
import type { Attachment, Reply } from "../../render/reply.ts";
import type { Announcer } from "../groups/announce.ts";
import type { Group } from "../groups/group.ts";
import type { Clock } from "../shared/clock.ts";
import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";
import { postToChannel } from "../outbox/post.ts";
import type { PlatformEvents } from "../calendar/platform-events.ts";
import type { Logger } from "../shared/logger.ts";
import { mailGroup } from "../mail/send.ts";

export interface MeetingDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly announce: Announcer;
  /**
   * Posts a whole reply (the agenda, the minutes) to the group's linked channel, if it has one, and
   * mails it to the members with a confirmed address, with the change; `mailOnly` attachments (a
   * calendar invitation) go to the mail only.
   */
  readonly post: (stores: Stores, group: Group, reply: Reply, mailOnly?: readonly Attachment[]) => Promise<void>;
  /** Whether e-mail is configured; without it nothing is mailed. */
  readonly mailEnabled: boolean;
  /** The web front end's address, for links in calendar entries; null when it does not run. */
  readonly publicUrl: () => string | null;
  readonly timeZone: string;
  /** The language of what the whole channel reads: agendas, minutes. */
  readonly channelLocale: Locale;
  /** How many days before a meeting its agenda closes to new items. */
  readonly agendaDeadlineDays: number;
  /** The meeting as the platform's own event, where the platform has them (Discord). */
  readonly platformEvents: PlatformEvents;
  readonly logger: Logger;
}

/** A whole post to a group's channel and members' mail, written to the outbox in the change's unit of work (see announce.ts). */
export const groupPoster =
  (clock: Clock, mailEnabled: boolean) =>
  async (stores: Stores, group: Group, reply: Reply, mailOnly: readonly Attachment[] = []): Promise<void> => {
    if (group.channelId) await postToChannel(stores, clock, group.channelId, reply);
    if (mailEnabled) await mailGroup(stores, clock, group, reply, mailOnly);
  };
