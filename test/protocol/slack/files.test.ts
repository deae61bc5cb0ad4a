/**
 * Minutes and exports reach Slack as files through files.uploadV2 (files.getUploadURLExternal,
 * the upload to the URL it gives, files.completeUploadExternal), never as code blocks.
 */
import { afterEach, describe, expect, it } from "vitest";
import { sendSlashCommand } from "../harness/slack/index.ts";
import { blocksText, startSlackBot, type SlackBot } from "./setup.ts";

const bots: SlackBot[] = [];
afterEach(async () => {
  const errors = bots.flatMap((b) => b.logger.entries.filter((e) => e.level === "error"));
  while (bots.length > 0) await bots.pop()?.close();
  expect(errors).toEqual([]);
});

let responseIds = 0;
const council = (b: SlackBot, line: string, channel = "C0GENERAL") =>
  sendSlashCommand({ ...b.target, command: "/council", text: line, userId: "U0ALICE", channelId: channel, responseUrl: b.webApi.responseUrl(`f${++responseIds}`) });

describe("Slack adapter: files", () => {
  it("uploads a meeting's minutes to the group's channel and to the closer with files.uploadV2", async () => {
    const b = await startSlackBot();
    bots.push(b);
    await council(b, "group create Viestintä");
    await council(b, "group link-channel Viestintä", "C0VIESTINTA");
    await council(b, "meeting schedule Viestintä 10.12.2027 klo 14 Maakuntasali");
    await council(b, "meeting open Viestintä --confirm");
    await council(b, "meeting close Viestintä --confirm");

    const shared = await b.webApi.waitForCall("files.completeUploadExternal", (c) => c.args.channel_id === "C0VIESTINTA", 5000);
    const [announced] = b.webApi.callsTo("files.getUploadURLExternal").filter((c) => (shared.args.files as { id: string }[])[0]!.id === (c.response as { file_id: string }).file_id);
    expect(announced?.args.filename).toBe("viestintä-1.md");
    const uploaded = b.webApi.callsTo("files.upload.external").find((c) => c.args.file_id === (announced!.response as { file_id: string }).file_id);
    expect(uploaded?.args.content).toContain("# Pöytäkirja: Viestintä, kokous 1");
    expect(Number(announced!.args.length)).toBe(Buffer.byteLength(String(uploaded!.args.content)));

    // The closer gets the file in their direct messages; no message carries it as a code block.
    await b.webApi.waitForCall("files.completeUploadExternal", (c) => c.args.channel_id !== "C0VIESTINTA", 5000);
    const posted = b.webApi.callsTo("chat.postMessage").map((c) => blocksText(c.args.blocks as unknown[]));
    expect(posted.join("\n")).not.toContain("```");
    expect(posted.join("\n")).not.toContain("# Pöytäkirja");
  });
});
