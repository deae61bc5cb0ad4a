import { afterEach, describe, expect, it } from "vitest";
import { channelId } from "../../../adapters/discord/ids.ts";
import { toChannel, list } from "../../../src/render/build.ts";
import { FIXTURE_IDS, MessageFlagBits } from "../harness/discord/index.ts";
import { bodyText, buttonsOf, slash, startDiscordSetup, type DiscordSetup } from "./setup.ts";

let setup: DiscordSetup | null = null;
afterEach(async () => {
  const errors = setup?.errors ?? [];
  await setup?.close();
  setup = null;
  expect(errors).toEqual([]);
});

const group = (subcommand: string, options: Record<string, string | number | boolean | { type: "user" | "channel"; id: string }>) =>
  ({ name: "council", group: "group", subcommand, options }) as const;

describe("Discord adapter over the real core", () => {
  it("registers /council once with subcommand groups, typed options, choices and localizations", async () => {
    setup = await startDiscordSetup();
    const puts = setup.fake.callsTo("PUT", `/applications/:app/guilds/${FIXTURE_IDS.guild}/commands`);
    expect(puts).toHaveLength(1);
    const [root] = puts[0]!.body as { name: string; options: { name: string; type: number; options?: unknown[] }[] }[];
    expect(root?.name).toBe("council");
    const groupArea = root!.options.find((o) => o.name === "group") as { type: number; options: { name: string; options: Record<string, unknown>[] }[] };
    expect(groupArea.type).toBe(2);
    const add = groupArea.options.find((o) => o.name === "add")!;
    expect(add).toMatchObject({ description: expect.any(String), description_localizations: { "en-GB": expect.any(String), "sv-SE": expect.any(String) } });
    expect(add.options).toEqual([
      expect.objectContaining({ name: "group", type: 3, required: true, autocomplete: true }),
      expect.objectContaining({ name: "person", type: 6, required: true }),
      // Roles are offered by autocomplete (the same six on an empty input), sparing /council's size budget.
      expect.objectContaining({ name: "role", type: 3, required: false, autocomplete: true }),
    ]);
    expect(root!.options.find((o) => o.name === "help")).toMatchObject({ type: 1 });
    const profile = root!.options.find((o) => o.name === "profile") as { type: number; options: { name: string }[] };
    expect(profile.options.map((o) => o.name).sort()).toEqual(["set", "show", "verify"]);
    const history = groupArea.options.find((o) => o.name === "history")!;
    expect(history.options).toContainEqual(expect.objectContaining({ name: "count", type: 4, min_value: 1, max_value: 100 }));
  });

  it("creates a group (ephemeral Finnish reply), archives it through the confirm button (update)", async () => {
    setup = await startDiscordSetup();
    const { fake } = setup;
    const created = await fake.waitForCallback(fake.sendChatInput(group("create", { name: "Viestintä" })));
    expect(created.type).toBe(4);
    expect(bodyText(created.data)).toContain("Työryhmä **Viestintä** perustettu");
    expect(Number((created.data as { flags?: number }).flags) & MessageFlagBits.Ephemeral).toBeTruthy();

    const asked = await fake.waitForCallback(fake.sendChatInput(group("archive", { group: "Viestintä" })));
    expect(asked.type).toBe(4);
    const buttons = buttonsOf(asked.data);
    expect(buttons.map((b) => b.label)).toHaveLength(2);
    const confirm = buttons[0]!;
    expect(confirm.customId.length).toBeLessThanOrEqual(100);
    const message = { id: "1", channel_id: FIXTURE_IDS.generalChannel, flags: MessageFlagBits.Ephemeral, components: (asked.data as { components: unknown }).components, author: fake.world.bot, content: "", embeds: [], attachments: [], type: 0, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], pinned: false };
    const pressed = await fake.waitForCallback(fake.sendButton({ customId: confirm.customId, message }));
    expect(pressed.type).toBe(7);
    const groups = await setup.app.services.groups.list({ workspaceId: `discord:${FIXTURE_IDS.guild}` } as never, true);
    expect(groups.items[0]?.archivedAt).toBeTruthy();
  });

  it("defers a slow command (type 5) and edits @original when the core answers", async () => {
    setup = await startDiscordSetup({ slowCommandMs: 2500 });
    const { fake } = setup;
    const sent = fake.sendChatInput(group("create", { name: "Hidas" }));
    const deferred = await fake.waitForCallback(sent);
    expect(deferred.type).toBe(5);
    const edit = await fake.waitForCall("PATCH", "/webhooks/:app/:token/messages/@original", { timeoutMs: 5000 });
    expect(bodyText(edit.body)).toContain("Hidas");
  });

  it("a slow channel answer: private deferral, 'posted' note, then a public follow-up", async () => {
    setup = await startDiscordSetup({ slowCommandMs: 2200, mapReply: (reply) => ({ ...reply, visibility: "channel" }) });
    const { fake } = setup;
    const sent = fake.sendChatInput(group("create", { name: "Julkinen" }));
    const deferred = await fake.waitForCallback(sent);
    expect(deferred).toMatchObject({ type: 5, data: { flags: MessageFlagBits.Ephemeral } });
    const note = await fake.waitForCall("PATCH", "/webhooks/:app/:token/messages/@original", { timeoutMs: 5000 });
    expect(bodyText(note.body)).toBe("Vastaus julkaistiin kanavalle.");
    const followUp = await fake.waitForCall("POST", `/webhooks/:app/${sent.token}`, { timeoutMs: 5000 });
    expect(bodyText(followUp.body)).toContain("Julkinen");
    expect(Number((followUp.body as { flags?: number }).flags ?? 0) & MessageFlagBits.Ephemeral).toBe(0);
  });

  it("asks for a missing long text in a modal and stores the news on submit", async () => {
    setup = await startDiscordSetup();
    const { fake } = setup;
    await fake.waitForCallback(fake.sendChatInput(group("create", { name: "Viestintä" })));
    const opened = await fake.waitForCallback(fake.sendChatInput({ name: "council", group: "news", subcommand: "add", options: { "news-group": "Viestintä" } }));
    expect(opened.type).toBe(9);
    const modal = opened.data as { custom_id: string };
    const submitted = await fake.waitForCallback(
      fake.sendModalSubmit({ customId: modal.custom_id, fields: { text: "Kevätforum 2027 -- Ilmoittautuminen on auki." } }),
    );
    expect(submitted.type).toBe(4);
    expect(bodyText(submitted.data)).toContain("Kevätforum 2027");
  });

  it("offers the workspace's group names, and the roles, in autocomplete", async () => {
    setup = await startDiscordSetup();
    const { fake } = setup;
    await fake.waitForCallback(fake.sendChatInput(group("create", { name: "Viestintä" })));
    await fake.waitForCallback(fake.sendChatInput(group("create", { name: "Talous" })));
    const choices = await fake.waitForCallback(fake.sendAutocomplete({ ...group("info", { group: "vie" }), focused: "group" }));
    expect(choices.type).toBe(8);
    expect((choices.data as { choices: unknown[] }).choices).toEqual([{ name: "Viestintä", value: "Viestintä" }]);
    const roles = await fake.waitForCallback(fake.sendAutocomplete({ ...group("add", { group: "Viestintä", role: "" }), focused: "role" }));
    expect((roles.data as { choices: { value: string }[] }).choices.map((c) => c.value)).toEqual(["chair", "vice-chair", "secretary", "member", "deputy", "observer"]);
  });

  it("posts to a linked channel, retries a 429 once, and splits a 60-item list into marked messages", async () => {
    setup = await startDiscordSetup();
    const { fake, adapter } = setup;
    const target = channelId(FIXTURE_IDS.guild, FIXTURE_IDS.councilChannel);
    fake.rateLimitNext("POST", `/channels/${FIXTURE_IDS.councilChannel}/messages`, 0.2);
    await adapter.chat.post(target, toChannel(list(Array.from({ length: 60 }, (_, i) => `Kohta ${i + 1}: ${"x".repeat(150)}`))));
    const accepted = fake.callsTo("POST", `/channels/${FIXTURE_IDS.councilChannel}/messages`);
    const all = fake.callsTo("POST", `/channels/${FIXTURE_IDS.councilChannel}/messages`, { includeRateLimited: true });
    expect(all.length).toBe(accepted.length + 1);
    expect(accepted.length).toBeGreaterThan(1);
    expect(bodyText(accepted[0]!.body)).toContain(`(1/${accepted.length})`);
    const text = accepted.map((c) => bodyText(c.body)).join("\n");
    for (let i = 1; i <= 60; i++) expect(text).toContain(`Kohta ${i}:`);
  });

  it("announces to a channel linked with link-channel (election create)", async () => {
    setup = await startDiscordSetup();
    const { fake } = setup;
    await fake.waitForCallback(fake.sendChatInput(group("create", { name: "Viestintä" })));
    const linked = await fake.waitForCallback(
      fake.sendChatInput(group("link-channel", { group: "Viestintä", channel: { type: "channel", id: FIXTURE_IDS.councilChannel } })),
    );
    expect(linked.type).toBe(4);
    await fake.waitForCallback(
      fake.sendChatInput({ ...slash(setup.adapter, "election", "create"), options: { group: "Viestintä", seats: 3, "election-spec": "Hallitus 2027" } }),
    );
    expect(bodyText(fake.callsTo("POST", `/channels/${FIXTURE_IDS.councilChannel}/messages`)[0]?.body)).toContain("Viestintä");
    const post = await fake.waitForCall("POST", `/channels/${FIXTURE_IDS.councilChannel}/messages`, { where: (c) => bodyText(c.body).includes("Hallitus 2027") });
    expect(bodyText(post.body)).toContain("🗳️");
  });

  it("answers the next interaction after a gateway drop and resume", async () => {
    setup = await startDiscordSetup();
    const { fake } = setup;
    await fake.dropConnection(4000);
    await fake.waitForResume();
    const after = await fake.waitForCallback(fake.sendChatInput(group("create", { name: "Jatko" })));
    expect(after.type).toBe(4);
    expect(fake.identifyCount).toBe(1);
  });

  it("registers 'Add to newsletter' on messages and turns the chosen message into a news item", async () => {
    setup = await startDiscordSetup();
    const { fake } = setup;
    const puts = fake.callsTo("PUT", `/applications/:app/guilds/${FIXTURE_IDS.guild}/commands`);
    const registered = puts[0]!.body as { name: string; type: number; name_localizations?: Record<string, string> }[];
    expect(registered.find((c) => c.type === 3)).toMatchObject({ name: "Add to newsletter", name_localizations: { "sv-SE": "Lägg till i nyhetsbrevet" } });

    const answered = await fake.waitForCallback(fake.sendMessageCommand({ name: "Add to newsletter" }));
    expect(answered.type).toBe(4);
    expect(bodyText(answered.data)).toContain("Kokous siirtyy torstaille klo 18.");
    const listed = await fake.waitForCallback(fake.sendChatInput({ name: "council", group: "news", subcommand: "list", options: {} }));
    expect(bodyText(listed.data)).toContain("Kokous siirtyy torstaille klo 18.");
  });
});
