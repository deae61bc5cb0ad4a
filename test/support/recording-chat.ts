import type { ChatPort } from "../../src/core/shared/chat.ts";
import type { Reply } from "../../src/render/reply.ts";

/** A chat port that keeps what the core sent, for tests of the core (adapters have their own tests). */
export function recordingChat(): ChatPort & {
  posts: { channelId: string; reply: Reply }[];
  directs: { externalId: string; reply: Reply }[];
  textsIn(channelId: string): string[];
} {
  const posts: { channelId: string; reply: Reply }[] = [];
  const directs: { externalId: string; reply: Reply }[] = [];
  return {
    posts,
    directs,
    async post(channelId, reply) {
      posts.push({ channelId, reply });
    },
    async directMessage(externalId, reply) {
      directs.push({ externalId, reply });
    },
    textsIn: (channelId) =>
      posts
        .filter((p) => p.channelId === channelId)
        .flatMap((p) => p.reply.blocks.map((b) => ("text" in b ? b.text : ""))),
  };
}
