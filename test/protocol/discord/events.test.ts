import { afterEach, describe, expect, it } from "vitest";
import { FIXTURE_IDS, MessageFlagBits } from "../harness/discord/index.ts";
import { buttonsOf, startDiscordSetup, type DiscordSetup } from "./setup.ts";

let setup: DiscordSetup | null = null;
afterEach(async () => {
  const errors = setup?.errors ?? [];
  await setup?.close();
  setup = null;
  expect(errors).toEqual([]);
});

type Options = Record<string, string | number | boolean | { type: "user" | "channel"; id: string }>;
const council = (group: string, subcommand: string, options: Options) => ({ name: "council", group, subcommand, options }) as const;
const eventsPath = `/guilds/${FIXTURE_IDS.guild}/scheduled-events`;

describe("Discord: meetings as guild scheduled events", () => {
  it("creates the event with the meeting, moves it with a reschedule and cancels it with the meeting", async () => {
    setup = await startDiscordSetup();
    const { fake } = setup;
    await fake.waitForCallback(fake.sendChatInput(council("group", "create", { name: "Viestintä" })));
    await fake.waitForCallback(fake.sendChatInput(council("group", "link-channel", { group: "Viestintä", channel: { type: "channel", id: FIXTURE_IDS.councilChannel } })));

    await fake.waitForCallback(fake.sendChatInput(council("meeting", "schedule", { group: "Viestintä", when: "10.12.2027 klo 14 https://meet.example.fi/v" })));
    const created = await fake.waitForCall("POST", eventsPath);
    expect(created.body).toMatchObject({
      name: "Viestintä: kokous 1",
      entity_type: 3,
      privacy_level: 2,
      scheduled_start_time: "2027-12-10T12:00:00.000Z",
      entity_metadata: { location: "https://meet.example.fi/v" },
    });
    expect(String((created.body as { description: string }).description)).toContain("https://meet.example.fi/v");
    const eventId = (created.response as { id: string }).id;

    await fake.waitForCallback(fake.sendChatInput(council("meeting", "reschedule", { group: "Viestintä", meeting: 1, when: "11.12.2027 klo 10" })));
    const moved = await fake.waitForCall("PATCH", `${eventsPath}/${eventId}`);
    expect(moved.body).toMatchObject({ scheduled_start_time: "2027-12-11T08:00:00.000Z" });

    // Cancelling asks first; the confirm button cancels.
    const asked = await fake.waitForCallback(fake.sendChatInput(council("meeting", "cancel", { group: "Viestintä", meeting: 1 })));
    const confirm = buttonsOf(asked.data)[0]!;
    const message = { id: "1", channel_id: FIXTURE_IDS.generalChannel, flags: MessageFlagBits.Ephemeral, components: (asked.data as { components: unknown }).components, author: fake.world.bot, content: "", embeds: [], attachments: [], type: 0, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], pinned: false };
    await fake.waitForCallback(fake.sendButton({ customId: confirm.customId, message }));
    const cancelled = await fake.waitForCall("PATCH", `${eventsPath}/${eventId}`, { where: (c) => "status" in (c.body as object) });
    expect(cancelled.body).toEqual({ status: 4 });
    expect(fake.callsTo("POST", eventsPath)).toHaveLength(1);
  });

  it("keeps a refused event pending and makes it on a later tick, once, and moves that one on a change", async () => {
    setup = await startDiscordSetup({ logger: { info() {}, warn() {}, error() {} } });
    const { fake, app } = setup;
    await fake.waitForCallback(fake.sendChatInput(council("group", "create", { name: "Viestintä" })));
    await fake.waitForCallback(fake.sendChatInput(council("group", "link-channel", { group: "Viestintä", channel: { type: "channel", id: FIXTURE_IDS.councilChannel } })));

    // Discord refuses the first attempt (the bot lacks Manage Events until an admin grants it).
    fake.respondWith("POST", eventsPath, { status: 403, body: { message: "Missing Permissions", code: 50013 } }, { times: 1 });
    await fake.waitForCallback(fake.sendChatInput(council("meeting", "schedule", { group: "Viestintä", when: "10.12.2027 klo 14 Maakuntasali" })));
    await fake.waitForCall("POST", eventsPath, { where: (c) => c.status === 403 });
    const made = () => fake.callsTo("POST", eventsPath).filter((c) => c.status === 200);
    expect(made()).toHaveLength(0);
    // Within the back-off a tick leaves it; after it, a tick makes the event, and the next has nothing to do.
    expect(await app.services.platformEvents.syncDue(new Date(Date.now() + 5_000))).toBe(0);
    expect(await app.services.platformEvents.syncDue(new Date(Date.now() + 10 * 60_000))).toBe(1);
    expect(await app.services.platformEvents.syncDue(new Date(Date.now() + 20 * 60_000))).toBe(0);
    expect(made()).toHaveLength(1);
    expect(made()[0]!.body).toMatchObject({ name: "Viestintä: kokous 1", scheduled_start_time: "2027-12-10T12:00:00.000Z" });
    const eventId = (made()[0]!.response as { id: string }).id;

    // A later change moves that event.
    await fake.waitForCallback(fake.sendChatInput(council("meeting", "reschedule", { group: "Viestintä", meeting: 1, when: "11.12.2027 klo 10" })));
    expect((await fake.waitForCall("PATCH", `${eventsPath}/${eventId}`)).body).toMatchObject({ scheduled_start_time: "2027-12-11T08:00:00.000Z" });
    expect(made()).toHaveLength(1);
  });

  it("finds the event it made before a crash instead of making a second one", async () => {
    setup = await startDiscordSetup();
    const { fake } = setup;
    await fake.waitForCallback(fake.sendChatInput(council("group", "create", { name: "Viestintä" })));
    await fake.waitForCallback(fake.sendChatInput(council("group", "link-channel", { group: "Viestintä", channel: { type: "channel", id: FIXTURE_IDS.councilChannel } })));
    // Discord made meeting 1's event, but the process died before it stored the id.
    const earlier = await fetch(`${fake.apiUrl}/v10${eventsPath}`, {
      method: "POST",
      headers: { authorization: "Bot fake-bot-token", "content-type": "application/json" },
      body: JSON.stringify({ name: "Viestintä: kokous 1", scheduled_start_time: "2027-12-10T12:00:00.000Z", scheduled_end_time: "2027-12-10T14:00:00.000Z", privacy_level: 2, entity_type: 3, entity_metadata: { location: "Maakuntasali" } }),
    });
    const { id } = (await earlier.json()) as { id: string };

    await fake.waitForCallback(fake.sendChatInput(council("meeting", "schedule", { group: "Viestintä", when: "10.12.2027 klo 14 Maakuntasali" })));
    await fake.waitForCall("PATCH", `${eventsPath}/${id}`);
    expect(fake.callsTo("POST", eventsPath)).toHaveLength(1);
  });
});
