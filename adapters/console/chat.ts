import type { ChatPort } from "../../src/core/shared/chat.ts";
import { nameSlug } from "../../src/core/shared/words.ts";
import { renderReply } from "./render.ts";

/** Channel posts and direct messages, printed where the console user sees them. */
export function consoleChat(write: (line: string) => void, label: { channel: (id: string) => string; direct: (id: string) => string }): ChatPort {
  return {
    // A keyed post (PostOptions.key) needs no duplicate check here: nothing printed is resent to a reader.
    async post(channelId, reply) {
      write(`[${label.channel(channelId)}] ${renderReply(reply).text}`);
    },
    async directMessage(externalId, reply) {
      write(`[${label.direct(externalId)}] ${renderReply(reply).text}`);
    },
    // Channels in the console are names: creating one is just naming it.
    async createChannel(name) {
      return `#${nameSlug(name)}`;
    },
  };
}
