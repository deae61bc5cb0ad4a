import type { MessageKey } from "../../i18n/catalogues.ts";
import type { Presentation } from "../../i18n/presentation.ts";
import type { MessageParams } from "../../i18n/translate.ts";
import { text, toChannel } from "../../render/build.ts";
import { postToChannel } from "../outbox/post.ts";
import type { Clock } from "../shared/clock.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { Group } from "./group.ts";

/**
 * Tells a group's linked channel what changed; groups without a channel hear nothing. Called
 * inside the change's unit of work: the announcement goes to the outbox and commits with the
 * change, so it is neither lost by a crash nor sent for a change that was rolled back.
 */
export type Announcer = (stores: Stores, group: Group, key: MessageKey, params?: MessageParams) => Promise<void>;

export function createAnnouncer(clock: Clock, channel: Presentation): Announcer {
  return async (stores, group, key, params) => {
    if (!group.channelId) return;
    await postToChannel(stores, clock, group.channelId, toChannel(text(channel.t(key, params))));
  };
}
