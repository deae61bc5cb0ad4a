/**
 * A paged list over Discord's protocol: the first page with a "more" button, the button's press
 * (a component interaction) answering with the next page in place of the first.
 */
import { describe, expect, it } from "vitest";
import { decodeCall } from "../../../src/render/call-codec.ts";
import { FIXTURE_IDS, MessageFlagBits } from "../harness/discord/index.ts";
import { bodyText, buttonsOf, discordSetupPerTest } from "./setup.ts";

const startSetup = discordSetupPerTest();

const council = (group: string, subcommand: string, options: Record<string, string | number | boolean>) => ({ name: "council", group, subcommand, options }) as const;
const group = (subcommand: string, options: Record<string, string | number | boolean>) => ({ name: "council", group: "group", subcommand, options }) as const;

/** The only-you message a reply was shown as, for pressing one of its buttons. */
const shownMessage = (fake: { world: { bot: unknown } }, data: unknown) => ({
  id: "1",
  channel_id: FIXTURE_IDS.generalChannel,
  flags: MessageFlagBits.Ephemeral,
  components: (data as { components: unknown }).components,
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
});

describe("Discord adapter: paged lists", () => {
  it("shows 20 groups with a more button; pressing it shows the rest, with no button on the last page; page typed as an option", { timeout: 60_000 }, async () => {
    const setup = await startSetup();
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

    const message = shownMessage(fake, first.data);
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

  it("pages the meeting list: 20 upcoming with a more button, the rest on pressing it, page typed as an option", { timeout: 60_000 }, async () => {
    const { fake } = await startSetup();
    await fake.waitForCallback(fake.sendChatInput(group("create", { name: "Viestintä" })));
    // Monthly from January 2031: twelve meetings in 2031, eleven in 2032.
    for (let i = 0; i < 23; i += 1) {
      await fake.waitForCallback(fake.sendChatInput(council("meeting", "schedule", { group: "Viestintä", when: `3.${(i % 12) + 1}.${2031 + Math.floor(i / 12)} klo 14` })));
    }
    const first = await fake.waitForCallback(fake.sendChatInput(council("meeting", "list", { group: "Viestintä" })));
    const firstText = bodyText(first.data);
    expect(firstText).toContain("20. (8/2032)");
    expect(firstText).not.toContain("21. ");
    expect(firstText).toContain("Näytetään 1–20/23");
    const more = buttonsOf(first.data).find((b) => b.label.startsWith("Näytä"));
    expect(more?.label).toBe("Näytä 3 lisää");
    expect(decodeCall(more?.customId ?? "")).toEqual({ call: { command: "meeting list", args: { group: "Viestintä", page: "2" } } });

    const pressed = await fake.waitForCallback(fake.sendButton({ customId: more!.customId, message: shownMessage(fake, first.data) }));
    expect(pressed.type).toBe(7);
    const nextText = bodyText(pressed.data);
    for (const row of ["21. (9/2032)", "22. (10/2032)", "23. (11/2032)"]) expect(nextText).toContain(row);
    expect(nextText).not.toContain("20. (8/2032)");
    expect(nextText).toContain("Näytetään 21–23/23, viimeinen sivu.");
    expect(buttonsOf(pressed.data).filter((b) => b.label.startsWith("Näytä"))).toEqual([]);

    const typed = await fake.waitForCallback(fake.sendChatInput(council("meeting", "list", { group: "Viestintä", page: 2 })));
    expect(bodyText(typed.data)).toContain("23. (11/2032)");
    expect(bodyText(typed.data)).not.toContain("1. (1/2031)");
  });
});
