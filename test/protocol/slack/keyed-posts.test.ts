import { afterEach, describe, expect, it } from "vitest";
import { channelId, personId } from "../../../adapters/slack/ids.ts";
import { text, toChannel, withAttachment } from "../../../src/render/build.ts";
import { DEFAULT_TEAM_ID } from "../harness/slack/payloads.ts";
import { blocksText, startSlackBot, type SlackBot } from "./setup.ts";

const channel = "C0COUNCIL1";
const encoded = channelId(DEFAULT_TEAM_ID, channel);
// 60 text blocks: more than one Slack message holds (50), so the reply goes out in two parts.
const twoParts = () => toChannel(...Array.from({ length: 60 }, (_, i) => text(`Kohta ${i + 1}`)));
const texts = (bot: SlackBot, where = channel) => bot.webApi.workspace.messagesIn(where).map((m) => blocksText(m.blocks));

let bot: SlackBot | null = null;
afterEach(async () => {
  await bot?.close();
  bot = null;
});

describe("Slack posts with a key (resent after a crash)", () => {
  it("shows a post sent twice with the same key once", async () => {
    bot = await startSlackBot();
    await bot.adapter.chat.post(encoded, toChannel(text("Kokous huomenna klo 18.")), { key: "outbox-1" });
    await bot.adapter.chat.post(encoded, toChannel(text("Kokous huomenna klo 18.")), { key: "outbox-1" });
    expect(texts(bot)).toEqual(["Kokous huomenna klo 18."]);
    expect(bot.webApi.workspace.messagesIn(channel)[0]?.metadata).toEqual({ event_type: "council_post", event_payload: { key: "outbox-1", part: 0 } });
  });

  it("shows posts with different keys, and posts without a key, each time", async () => {
    bot = await startSlackBot();
    await bot.adapter.chat.post(encoded, toChannel(text("Muistutus")), { key: "outbox-1" });
    await bot.adapter.chat.post(encoded, toChannel(text("Muistutus")), { key: "outbox-2" });
    await bot.adapter.chat.post(encoded, toChannel(text("Muistutus")));
    await bot.adapter.chat.post(encoded, toChannel(text("Muistutus")));
    expect(texts(bot)).toEqual(["Muistutus", "Muistutus", "Muistutus", "Muistutus"]);
  });

  it("sends only the missing parts of a split post whose first part went out before a failure", async () => {
    bot = await startSlackBot();
    let calls = 0;
    bot.webApi.respondWith("chat.postMessage", (_call, fallback) => (++calls === 2 ? { ok: false, error: "fatal_error" } : fallback()));
    await expect(bot.adapter.chat.post(encoded, twoParts(), { key: "digest-7" })).rejects.toThrow();
    expect(texts(bot)).toHaveLength(1);
    bot.webApi.restoreDefault("chat.postMessage");

    await bot.adapter.chat.post(encoded, twoParts(), { key: "digest-7" });
    await bot.adapter.chat.post(encoded, twoParts(), { key: "digest-7" });
    const shown = texts(bot);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toContain("Kohta 1\n");
    expect(shown[1]).toContain("Kohta 60");
  });

  it("uploads a keyed post's files once, also when the crash came between the message and its upload", async () => {
    bot = await startSlackBot();
    const minutes = () => withAttachment(toChannel(text("Pöytäkirja liitteenä.")), { filename: "viestinta-1.md", mimeType: "text/markdown", content: "# Pöytäkirja" });
    const shared = () => bot!.webApi.workspace.messagesIn(channel).filter((m) => Array.isArray(m.files)).map((m) => (m.files as { name: string }[]).map((f) => f.name));
    bot.webApi.respondWith("files.completeUploadExternal", { ok: false, error: "fatal_error" });
    await expect(bot.adapter.chat.post(encoded, minutes(), { key: "minutes-1" })).rejects.toThrow();
    bot.webApi.restoreDefault("files.completeUploadExternal");
    expect(shared()).toEqual([]);

    await bot.adapter.chat.post(encoded, minutes(), { key: "minutes-1" });
    await bot.adapter.chat.post(encoded, minutes(), { key: "minutes-1" });
    expect(texts(bot).filter((t) => t.includes("Pöytäkirja liitteenä."))).toHaveLength(1);
    expect(shared()).toEqual([["viestinta-1.md"]]);
    // Another post's file of the same name is its own.
    await bot.adapter.chat.post(encoded, minutes(), { key: "minutes-2" });
    expect(shared()).toEqual([["viestinta-1.md"], ["viestinta-1.md"]]);
  });

  it("keeps a keyed direct message to one copy too", async () => {
    bot = await startSlackBot();
    const member = personId(DEFAULT_TEAM_ID, "U0MEMBER1");
    await bot.adapter.chat.directMessage(member, toChannel(text("Et ole vielä äänestänyt.")), { key: "nudge-3" });
    await bot.adapter.chat.directMessage(member, toChannel(text("Et ole vielä äänestänyt.")), { key: "nudge-3" });
    const opened = bot.webApi.callsTo("conversations.open").map((c) => (c.response as { channel: { id: string } }).channel.id);
    const dm = opened[0] ?? "";
    expect(new Set(opened)).toEqual(new Set([dm]));
    expect(texts(bot, dm)).toEqual(["Et ole vielä äänestänyt."]);
  });

  it("still posts when Slack will not show the history (an app installed before the *:history scopes), and logs why", async () => {
    bot = await startSlackBot();
    bot.webApi.respondWith("conversations.history", { ok: false, error: "missing_scope", needed: "channels:history" });
    await bot.adapter.chat.post(encoded, toChannel(text("Pöytäkirja hyväksytty.")), { key: "outbox-4" });
    expect(texts(bot)).toEqual(["Pöytäkirja hyväksytty."]);
    expect(bot.logger.entries).toContainEqual(expect.objectContaining({ level: "warn", fields: expect.objectContaining({ code: "missing_scope" }) }));
  });

  it("asks only for the recent history, with the metadata", async () => {
    bot = await startSlackBot();
    await bot.adapter.chat.post(encoded, toChannel(text("Uutiskirje")), { key: "outbox-9" });
    const [history] = bot.webApi.callsTo("conversations.history");
    expect(history?.args).toMatchObject({ channel, include_all_metadata: "true", limit: "100" });
    expect(Date.now() / 1000 - Number(history?.args.oldest)).toBeGreaterThan(14 * 60);
  });
});
