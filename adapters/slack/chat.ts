import type { webApi } from "@slack/bolt";
import type { ChatPort, PostOptions } from "../../src/core/shared/chat.ts";
import type { Logger } from "../../src/core/shared/logger.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import type { Attachment, Reply } from "../../src/render/reply.ts";
import { channelId, requireRef } from "./ids.ts";
import type { Controls } from "../../src/render/controls.ts";
import { alreadyPosted, postMetadata } from "./keyed-post.ts";
import { rateLimitAware } from "./rate-limit.ts";
import { renderMessages, type SlackMessage } from "./render.ts";
import { uploadFiles, withoutFiles } from "./files.ts";

export { asRateLimited, rateLimitAware } from "./rate-limit.ts";

/** Slack channel names: lower case, no spaces, at most 80 of [a-z0-9-_]. */
export function channelName(name: string): string {
  const cleaned = name
    .toLocaleLowerCase("fi")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, "-")
    .replace(/[^a-z0-9_-]/g, "")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return cleaned || "council";
}

export interface SlackChatDeps {
  readonly client: () => webApi.WebClient;
  /** The app's controls, once attached: buttons in posts carry their calls through them. */
  readonly controls: () => Controls;
  readonly locale: Locale;
  /** The workspace's team id once known (auth.test at start); a new channel's id needs it. */
  readonly team: () => Promise<string | undefined>;
  /** Where a keyed post that could not check the channel's history says so. */
  readonly logger?: Logger;
}

/**
 * Every message of a rendered reply, in order, then its files. A keyed post marks each part with
 * message metadata and first skips the parts (and the files after them) the channel's recent
 * history already holds: a resend after a crash between sending and recording (or halfway through
 * a split reply or its uploads) shows each part and each file once.
 */
export async function postMessages(
  client: webApi.WebClient,
  channel: string,
  messages: readonly SlackMessage[],
  options: PostOptions & { logger?: Logger; files?: readonly Attachment[] } = {},
): Promise<void> {
  const { key } = options;
  const posted = key !== undefined ? await alreadyPosted(client, channel, key, options.logger) : null;
  for (const [part, m] of messages.entries()) {
    if (posted?.parts.has(part)) continue;
    const metadata = key !== undefined ? { metadata: postMetadata(key, part) } : {};
    await rateLimitAware(() => client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, ...metadata }));
  }
  await uploadFiles(client, channel, options.files?.filter((file) => !posted?.files.has(file.filename)));
}

/** The core's ChatPort over the Slack Web API. Posts are rendered in the workspace's default language. */
export function slackChat(deps: SlackChatDeps): ChatPort {
  // Attachments go up as files after the message (uploadFiles), not as code blocks.
  const render = async (reply: Reply) => {
    const messages = renderMessages(withoutFiles(reply), deps.locale, deps.controls());
    await deps.controls().flush();
    return messages;
  };
  const logged = deps.logger ? { logger: deps.logger } : {};
  return {
    async post(channel, reply, options = {}) {
      const id = requireRef(channel, "channel").id;
      await postMessages(deps.client(), id, await render(reply), { ...options, ...logged, files: reply.attachments ?? [] });
    },
    async directMessage(externalId, reply, options = {}) {
      const user = requireRef(externalId, "person").id;
      const client = deps.client();
      const opened = await rateLimitAware(() => client.conversations.open({ users: user }));
      const dm = opened.channel?.id;
      if (!dm) throw new Error("conversations.open returned no channel");
      await postMessages(client, dm, await render(reply), { ...options, ...logged, files: reply.attachments ?? [] });
    },
    async createChannel(name, memberExternalIds) {
      const client = deps.client();
      const members = memberExternalIds.map((id) => requireRef(id, "person"));
      const created = await rateLimitAware(() => client.conversations.create({ name: channelName(name) }));
      const id = created.channel?.id;
      if (!id) throw new Error("conversations.create returned no channel");
      if (members.length > 0) {
        await rateLimitAware(() => client.conversations.invite({ channel: id, users: members.map((m) => m.id).join(",") }));
      }
      await rateLimitAware(() => client.conversations.setTopic({ channel: id, topic: name.slice(0, 250) }));
      const team = (await deps.team()) ?? members[0]?.team;
      if (!team) throw new Error("cannot tell the team of a new channel");
      return channelId(team, id);
    },
  };
}
