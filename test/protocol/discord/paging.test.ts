/**
 * A paged list over Discord's protocol: the first page with a "more" button, the button's press
 * (a component interaction) answering with the next page in place of the first.
 */
import { afterEach, describe, expect, it } from "vitest";
import { decodeCall } from "../../../src/render/call-codec.ts";
import { FIXTURE_IDS, MessageFlagBits } from "../harness/discord/index.ts";
import { bodyText, buttonsOf, startDiscordSetup, type DiscordSetup } from "./setup.ts";

let setup: DiscordSetup | null = null;
afterEach(async () => {
  const errors = setup?.errors ?? [];
  await setup?.close();
  setup = null;
  expect(errors).toEqual([]);
});

const group = (subcommand: string, options: Record<string, string | number | boolean>) => ({ name: "council", group: "group", subcommand, options }) as const;

describe("Discord adapter: paged lists", () => {
  it("shows 20 groups with a more button; pressing it shows the rest, with no button on the last page; page typed as an option", { timeout: 60_000 }, async () => {
    setup = await startDiscordSetup();
    const { fake } = setup;
    const names = Array.from({ length: 23 }, (_, i) => `Ryhmä ${String(i + 1).padStart(2, "0")}`);
    for (const name of names) await fake.waitForCallback(fake.sendChatInput(group("create", { name })));

    const first = await fake.waitForCallback(fake.sendChatInput(group("list", {})));
    expect(first.type).toBe(4);
    const firstText = bodyText(first.data);
    expect(firstText).toContain("Ryhmä 20");
    expect(firstText).not.toContain("Ryhmä 21");
    expect(firstText).toContain("Näytetään 1–20/23");
    const more = buttonsOf(first.data).find((b) => b.label.startsWith("Näytä"));
    expect(more?.label).toBe("Näytä 3 lisää");
    expect(decodeCall(more?.customId ?? "")).toEqual({ call: { command: "group list", args: { page: "2" } } });

    const message = {
      id: "1",
      channel_id: FIXTURE_IDS.generalChannel,
      flags: MessageFlagBits.Ephemeral,
      components: (first.data as { components: unknown }).components,
      author: fake.world.bot,
      content: "",
      embeds: [],
      attachments: [],
      type: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
    };
    const pressed = await fake.waitForCallback(fake.sendButton({ customId: more!.customId, message }));
    // The next page replaces the one only its asker saw.
    expect(pressed.type).toBe(7);
    const nextText = bodyText(pressed.data);
    for (const name of names.slice(20)) expect(nextText).toContain(name);
    expect(nextText).not.toContain("Ryhmä 20");
    expect(nextText).toContain("Näytetään 21–23/23, viimeinen sivu.");
    expect(buttonsOf(pressed.data).filter((b) => b.label.startsWith("Näytä"))).toEqual([]);

    // The page as a typed option of the slash command.
    const typed = await fake.waitForCallback(fake.sendChatInput(group("list", { page: 2 })));
    expect(bodyText(typed.data)).toContain("Ryhmä 23");
    expect(bodyText(typed.data)).not.toContain("Ryhmä 01");
  });
});
