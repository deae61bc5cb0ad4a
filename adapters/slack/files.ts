import type { webApi } from "@slack/bolt";
import type { Attachment, Reply } from "../../src/render/reply.ts";
import { rateLimitAware } from "./rate-limit.ts";

/** The reply without its attachments: they are uploaded as files, not rendered as code blocks. */
export const withoutFiles = (reply: Reply): Reply => ({ visibility: reply.visibility, blocks: reply.blocks });

/**
 * Uploads a reply's attachments (minutes, exports) to a channel as Slack files, with
 * files.uploadV2 (files.getUploadURLExternal, the upload, files.completeUploadExternal): the old
 * files.upload method is closed.
 */
export async function uploadFiles(client: webApi.WebClient, channel: string, files: readonly Attachment[] | undefined): Promise<void> {
  for (const file of files ?? []) {
    await rateLimitAware(() => client.filesUploadV2({ channel_id: channel, filename: file.filename, title: file.filename, content: file.content }));
  }
}

/** Where a command's files go: a channel answer's to the channel, anything else to the person's direct messages. */
export async function uploadReplyFiles(client: webApi.WebClient, reply: Reply, channel: string | null, user: string): Promise<void> {
  if (!reply.attachments?.length) return;
  if (reply.visibility === "channel" && channel) return uploadFiles(client, channel, reply.attachments);
  const opened = await rateLimitAware(() => client.conversations.open({ users: user }));
  if (opened.channel?.id) await uploadFiles(client, opened.channel.id, reply.attachments);
}
