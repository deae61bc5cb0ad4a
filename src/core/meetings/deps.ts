import type { Locale } from "../../i18n/locale.ts";
import type { Reply } from "../../render/reply.ts";
import type { Announcer } from "../groups/announce.ts";
import type { Group } from "../groups/group.ts";
import type { Clock } from "../shared/clock.ts";
import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";
import { postToChannel } from "../outbox/post.ts";
import type { ChatPort } from "../shared/chat.ts";
import type { Logger } from "../shared/logger.ts";

export interface MeetingDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly announce: Announcer;
  /** Posts a whole reply (the agenda, the minutes) to the group's linked channel, if it has one, with the change. */
  readonly post: (stores: Stores, group: Group, reply: Reply) => Promise<void>;
  readonly timeZone: string;
  /** The language of what the whole channel reads: agendas, minutes. */
  readonly channelLocale: Locale;
  /** How many days before a meeting its agenda closes to new items. */
  readonly agendaDeadlineDays: number;
  /** Tells one person something (a rejected item's proposer). */
  readonly chat: ChatPort;
  readonly logger: Logger;
}

/** A whole post to a group's channel, written to the outbox in the change's unit of work (see announce.ts). */
export const groupPoster =
  (clock: Clock) =>
  async (stores: Stores, group: Group, reply: Reply): Promise<void> => {
    if (!group.channelId) return;
    await postToChannel(stores, clock, group.channelId, reply);
  };
