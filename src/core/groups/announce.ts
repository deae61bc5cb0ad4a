import type { MessageKey } from "../../i18n/catalogues.ts";
import type { Presentation } from "../../i18n/presentation.ts";
import type { MessageParams } from "../../i18n/translate.ts";
import { text, toChannel } from "../../render/build.ts";
import type { ChatPort } from "../shared/chat.ts";
import type { Logger } from "../shared/logger.ts";
import type { Group } from "./group.ts";

/** Tells a group's linked channel what changed; groups without a channel hear nothing. */
export type Announcer = (group: Group, key: MessageKey, params?: MessageParams) => Promise<void>;

/**
 * Announcements go out after the change has committed, so a platform failure is logged and
 * never undoes the change or the reply to the person who made it.
 */
export function createAnnouncer(chat: ChatPort, channel: Presentation, logger: Logger): Announcer {
  return async (group, key, params) => {
    if (!group.channelId) return;
    try {
      await chat.post(group.channelId, toChannel(text(channel.t(key, params))));
    } catch (error) {
      logger.warn({ err: error, groupId: group.id, key }, "announcement could not be posted");
    }
  };
}
