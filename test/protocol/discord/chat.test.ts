import { describe, expect, it } from "vitest";
import { channelId, personId } from "../../../adapters/discord/ids.ts";
import { buttons as buttonBlock, onlyYou, select, text, toChannel, withAttachment } from "../../../src/render/build.ts";
import { FIXTURE_IDS } from "../harness/discord/index.ts";
import { bodyText, discordSetupPerTest } from "./setup.ts";

const startSetup = discordSetupPerTest();

describe("Discord chat port and people", () => {
  it("resolves a USER option to the member's server name and stores the person per guild", async () => {
    const setup = await startSetup();
    const { fake } = setup;
    await fake.waitForCallback(fake.sendChatInput({ name: "council", group: "group", subcommand: "create", options: { name: "Viestintä" } }));
    const added = await fake.waitForCallback(
      fake.sendChatInput({
        name: "council",
        group: "group",
        subcommand: "add",
        options: { group: "Viestintä", person: { type: "user", id: FIXTURE_IDS.memberUser }, role: "secretary" },
      }),
    );
    expect(added.type).toBe(4);
    expect(bodyText(added.data)).toContain("Mikko lisätty työryhmään **Viestintä**");
    const members = await fake.waitForCallback(fake.sendChatInput({ name: "council", group: "group", subcommand: "members", options: { group: "Viestintä" } }));
    expect(bodyText(members.data)).toContain("Aino Virtanen");
    expect(bodyText(members.data)).toContain("Mikko");
  });

  it("hands the core encoded ids and workspace admin = Manage Server / Administrator", async () => {
    const setup = await startSetup();
    const { fake, requests } = setup;
    await fake.waitForCallback(fake.sendChatInput({ name: "council", subcommand: "help", options: {} }));
    await fake.waitForCallback(fake.sendChatInput({ name: "council", subcommand: "help", options: {}, userId: FIXTURE_IDS.otherUser }));
    expect(requests[0]).toMatchObject({
      identity: { externalId: `discord:${FIXTURE_IDS.guild}:${FIXTURE_IDS.chairUser}`, displayName: "Aino Virtanen" },
      isWorkspaceAdmin: true,
      workspaceId: `discord:${FIXTURE_IDS.guild}`,
      channelId: `discord:${FIXTURE_IDS.guild}:${FIXTURE_IDS.generalChannel}`,
    });
    expect(requests[1]).toMatchObject({ identity: { displayName: "Liisa Nieminen" }, isWorkspaceAdmin: false });
  });

  it("sends a direct message through a DM channel", async () => {
    const setup = await startSetup();
    const { fake, adapter } = setup;
    await adapter.chat.directMessage(personId(FIXTURE_IDS.guild, FIXTURE_IDS.memberUser), onlyYou(text("Muistutus: kokous huomenna.")));
    const dm = fake.callsTo("POST", "/users/@me/channels");
    expect(dm[0]?.body).toEqual({ recipient_id: FIXTURE_IDS.memberUser });
    const sent = await fake.waitForCall("POST", "/channels/:id/messages", { where: (c) => bodyText(c.body).includes("Muistutus") });
    expect(sent.path).not.toContain(FIXTURE_IDS.generalChannel);
  });

  it("uploads attachments as multipart files", async () => {
    const setup = await startSetup();
    const { fake, adapter } = setup;
    await adapter.chat.post(
      channelId(FIXTURE_IDS.guild, FIXTURE_IDS.generalChannel),
      withAttachment(toChannel(text("Pöytäkirja liitteenä.")), { filename: "poytakirja.md", mimeType: "text/markdown", content: "# Pöytäkirja\n\n1. Avaus" }),
    );
    const [call] = fake.callsTo("POST", `/channels/${FIXTURE_IDS.generalChannel}/messages`);
    expect(call?.files.map((f) => f.name)).toEqual(["poytakirja.md"]);
    expect(call?.files[0]?.data.toString("utf8")).toContain("1. Avaus");
    expect(bodyText(call?.body)).toContain("Pöytäkirja liitteenä.");
  });

  it("creates a private group channel under the working-groups category", async () => {
    const setup = await startSetup();
    const { fake, adapter } = setup;
    const created = await adapter.chat.createChannel!("Viestintä ja media", [
      personId(FIXTURE_IDS.guild, FIXTURE_IDS.chairUser),
      personId(FIXTURE_IDS.guild, FIXTURE_IDS.memberUser),
    ]);
    const [call] = fake.callsTo("POST", `/guilds/${FIXTURE_IDS.guild}/channels`);
    const body = call?.body as { name: string; type: number; parent_id: string; permission_overwrites: { id: string; type: number; allow: string; deny: string }[] };
    expect(body).toMatchObject({ name: "viestintä-ja-media", type: 0, parent_id: FIXTURE_IDS.workingGroupsCategory });
    const byId = new Map(body.permission_overwrites.map((o) => [o.id, o]));
    const view = 1n << 10n;
    expect(BigInt(byId.get(FIXTURE_IDS.guild)!.deny) & view).toBe(view);
    for (const id of [FIXTURE_IDS.chairUser, FIXTURE_IDS.memberUser, FIXTURE_IDS.bot]) expect(BigInt(byId.get(id)!.allow) & view).toBe(view);
    expect(created).toMatch(new RegExp(`^discord:${FIXTURE_IDS.guild}:\\d+$`));
  });
});

describe("Discord components on a public message", () => {
  it("runs a select option as the presser (new ephemeral reply) and opens the form for a button missing its long text", async () => {
    const setup = await startSetup();
    const { fake, adapter } = setup;
    await fake.waitForCallback(fake.sendChatInput({ name: "council", group: "group", subcommand: "create", options: { name: "Viestintä" } }));
    await adapter.chat.post(
      channelId(FIXTURE_IDS.guild, FIXTURE_IDS.generalChannel),
      toChannel(
        text("Valitse"),
        select("Mitä tehdään?", [
          { label: "Ryhmän tiedot", call: { command: "group info", args: { group: "Viestintä" } } },
          { label: "Ohje", call: { command: "help", args: {} } },
        ]),
        buttonBlock({ label: "Lisää uutinen", call: { command: "news add", args: { newsGroup: "Viestintä" } } }),
      ),
    );
    const posted = await fake.waitForCall("POST", `/channels/${FIXTURE_IDS.generalChannel}/messages`, { where: (c) => bodyText(c.body).includes("Valitse") });
    const message = posted.response as Record<string, unknown>;
    const rows = (posted.body as { components: { components: { type: number; custom_id: string; options?: { value: string }[] }[] }[] }).components;
    const menu = rows.flatMap((r) => r.components).find((c) => c.type === 3)!;
    const chosen = await fake.waitForCallback(fake.sendStringSelect({ customId: menu.custom_id, values: [menu.options![0]!.value], message, userId: FIXTURE_IDS.memberUser }));
    expect(chosen.type).toBe(4);
    expect(Number((chosen.data as { flags?: number }).flags) & 64).toBe(64);
    expect(bodyText(chosen.data)).toContain("Viestintä");

    const button = rows.flatMap((r) => r.components).find((c) => c.type === 2)!;
    const form = await fake.waitForCallback(fake.sendButton({ customId: button.custom_id, message }));
    expect(form.type).toBe(9);
    const submitted = await fake.waitForCallback(
      fake.sendModalSubmit({ customId: (form.data as { custom_id: string }).custom_id, fields: { text: 'Syysseminaari -- Ohjelma julkaistu "tänään".' } }),
    );
    expect(bodyText(submitted.data)).toContain("Syysseminaari");
    const listed = await fake.waitForCallback(fake.sendChatInput({ name: "council", group: "news", subcommand: "list", options: {} }));
    expect(bodyText(listed.data)).toContain("Syysseminaari");
  });
});
