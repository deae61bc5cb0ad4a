import type { MessageKey } from "../../i18n/catalogues.ts";
import type { Presentation } from "../../i18n/presentation.ts";
import type { MessageParams } from "../../i18n/translate.ts";
import { text, toChannel } from "../../render/build.ts";
import { postToChannel } from "../outbox/post.ts";
import { mailGroup } from "../mail/send.ts";
import type { Clock } from "../shared/clock.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { Group } from "./group.ts";

/**
 * Tells a group's linked channel what changed; groups without a channel hear nothing. Called
 * inside the change's unit of work: the announcement goes to the outbox and commits with the
 * change, so it is neither lost by a crash nor sent for a change that was rolled back.
 */
export type Announcer = (stores: Stores, group: Group, key: MessageKey, params?: MessageParams) => Promise<void>;

/**
 * With `mailEnabled`, election announcements also go by e-mail to the group's members with a
 * confirmed address (association rules want them on record where everyone gets them).
 */
export function createAnnouncer(clock: Clock, channel: Presentation, mailEnabled = false): Announcer {
  return async (stores, group, key, params) => {
    const reply = toChannel(text(channel.t(key, params)));
    if (group.channelId) await postToChannel(stores, clock, group.channelId, reply);
    if (mailEnabled && key.startsWith("announce.election.")) await mailGroup(stores, clock, group, reply);
  };
}
