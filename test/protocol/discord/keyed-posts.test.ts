import { afterEach, describe, expect, it } from "vitest";
import { channelId, personId } from "../../../adapters/discord/ids.ts";
import { text, toChannel } from "../../../src/render/build.ts";
import { FIXTURE_IDS } from "../harness/discord/index.ts";
import { bodyText, startDiscordSetup, type DiscordSetup } from "./setup.ts";

const channel = FIXTURE_IDS.councilChannel;
const encoded = channelId(FIXTURE_IDS.guild, channel);
// 20 paragraphs of 600 characters: more than one Discord message holds (6 000), so it goes out in parts.
const manyParts = () => toChannel(...Array.from({ length: 20 }, (_, i) => text(`Kohta ${i + 1}: ${"pitkä teksti ".repeat(46)}`)));
const texts = (setup: DiscordSetup, where = channel) => setup.fake.world.messagesIn(where).map((m) => bodyText(m));

let setup: DiscordSetup | null = null;
afterEach(async () => {
  await setup?.close();
  setup = null;
});

describe("Discord posts with a key (resent after a crash)", () => {
  it("shows a post sent twice with the same key once", async () => {
    setup = await startDiscordSetup();
    await setup.adapter.chat.post(encoded, toChannel(text("Kokous huomenna klo 18.")), { key: "outbox-1" });
    await setup.adapter.chat.post(encoded, toChannel(text("Kokous huomenna klo 18.")), { key: "outbox-1" });
    expect(texts(setup)).toEqual(["Kokous huomenna klo 18."]);
    const [first, second] = setup.fake.callsTo("POST", `/channels/${channel}/messages`).map((c) => c.body as { nonce: string; enforce_nonce: boolean });
    expect(first?.enforce_nonce).toBe(true);
    expect(first?.nonce.length).toBeLessThanOrEqual(25);
    expect(second?.nonce).toBe(first?.nonce);
  });

  it("shows posts with different keys, and posts without a key, each time", async () => {
    setup = await startDiscordSetup();
    await setup.adapter.chat.post(encoded, toChannel(text("Muistutus")), { key: "outbox-1" });
    await setup.adapter.chat.post(encoded, toChannel(text("Muistutus")), { key: "outbox-2" });
    await setup.adapter.chat.post(encoded, toChannel(text("Muistutus")));
    await setup.adapter.chat.post(encoded, toChannel(text("Muistutus")));
    expect(texts(setup)).toEqual(["Muistutus", "Muistutus", "Muistutus", "Muistutus"]);
  });

  it("sends only the missing parts of a split post whose first part went out before a failure", async () => {
    setup = await startDiscordSetup();
    let posts = 0;
    setup.fake.respondWith("POST", `/channels/${channel}/messages`, () =>
      ++posts === 2 ? { status: 403, body: { message: "Missing Permissions", code: 50013 } } : undefined,
    );
    await expect(setup.adapter.chat.post(encoded, manyParts(), { key: "digest-7" })).rejects.toThrow();
    expect(texts(setup)).toHaveLength(1);

    await setup.adapter.chat.post(encoded, manyParts(), { key: "digest-7" });
    await setup.adapter.chat.post(encoded, manyParts(), { key: "digest-7" });
    const shown = texts(setup);
    const parts = Number(/\(1\/(\d+)\)/.exec(shown[0] ?? "")?.[1]);
    expect(parts).toBeGreaterThan(1);
    expect(shown).toHaveLength(parts);
    shown.forEach((body, i) => expect(body).toContain(`(${i + 1}/${parts})`));
  });

  it("keeps a keyed direct message to one copy too", async () => {
    setup = await startDiscordSetup();
    const member = personId(FIXTURE_IDS.guild, FIXTURE_IDS.memberUser);
    await setup.adapter.chat.directMessage(member, toChannel(text("Et ole vielä äänestänyt.")), { key: "nudge-3" });
    await setup.adapter.chat.directMessage(member, toChannel(text("Et ole vielä äänestänyt.")), { key: "nudge-3" });
    const sent = setup.fake.callsTo("POST", "/channels/:id/messages").map((c) => c.path);
    expect(new Set(sent).size).toBe(1);
    const dm = sent[0]!.split("/")[2]!;
    expect(texts(setup, dm)).toEqual(["Et ole vielä äänestänyt."]);
  });
});
