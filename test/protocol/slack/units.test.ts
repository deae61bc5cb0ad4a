import { describe, expect, it } from "vitest";
import { commandText } from "../../../adapters/slack/parse.ts";
import { filledIn, formNeeded } from "../../../src/commands/long-text.ts";
import { memoryControls } from "../../support/controls.ts";
import { channelId, decodeRef, decodeWorkspace, personId, workspaceId } from "../../../adapters/slack/ids.ts";
import { channelName } from "../../../adapters/slack/chat.ts";
import { boltLogger } from "../../../adapters/slack/log.ts";
import { chunkText, mrkdwn, renderMessages } from "../../../adapters/slack/render.ts";
import { buttons, fields, heading, onlyYou, select, text } from "../../../src/render/build.ts";
import { withAttachment } from "../../../src/render/build.ts";

describe("Slack ids", () => {
  it("round-trip workspace, channel and person ids", () => {
    expect(decodeWorkspace(workspaceId("T0ABC"))).toBe("T0ABC");
    expect(decodeRef(channelId("T0ABC", "C0DEF"))).toEqual({ team: "T0ABC", id: "C0DEF" });
    expect(decodeRef(personId("T0ABC", "U0BOB"))).toEqual({ team: "T0ABC", id: "U0BOB" });
    expect(channelId("T1", "C2")).toBe("slack:T1:C2");
    expect(decodeRef("console:anna")).toBeNull();
    expect(decodeRef("slack:T1")).toBeNull();
    expect(decodeWorkspace("discord:123")).toBeNull();
  });
});

describe("Slack command text", () => {
  it("rewrites channel mentions and links, keeps user mentions, unescapes entities", () => {
    expect(commandText("T1", "group link-channel Viestintä <#C0X|viestinta>")).toBe("group link-channel Viestintä slack:T1:C0X");
    expect(commandText("T1", "group add X <@U0BOB|bob>")).toBe("group add X <@U0BOB>");
    expect(commandText("T1", "group add X <@U0BOB|Bob Bobson> member")).toBe("group add X <@U0BOB> member");
    expect(commandText("T1", "group add X <@U0BOB>")).toBe("group add X <@U0BOB>");
    expect(commandText("T1", "news add - A -- B &amp; C <https://example.fi|example.fi>")).toBe("news add - A -- B & C https://example.fi");
    expect(commandText("T1", "  ")).toBe("help");
  });

  it("finds a missing long text generically, and fills the typed text in byte for byte", () => {
    expect(formNeeded({ line: "news add Viestintä" })).toEqual({ call: { command: "news add", args: { newsGroup: "Viestintä" } }, arg: "news" });
    expect(formNeeded({ line: "news add Viestintä Otsikko -- teksti" })).toBeNull();
    expect(formNeeded({ line: "group create X" })).toBeNull();
    expect(formNeeded({ line: "no such command" })).toBeNull();
    // Without the group, the usage explains what is missing; a form would take a text and then refuse it.
    expect(formNeeded({ line: "agenda add" })).toBeNull();
    expect(formNeeded({ line: "agenda add Viestintä" })).toMatchObject({ arg: "item" });
    const form = formNeeded({ command: "news add", args: { newsGroup: "Viestintä" } })!;
    for (const typed of ['Otsikko -- "Lainaus" ja toinen\nrivi', `It's -- "quoted" --confirm`, `"lainausmerkit" ja 'heittomerkit' --confirm`]) {
      expect(filledIn(form, typed).args.news).toBe(typed);
    }
  });

  it("makes Slack channel names", () => {
    expect(channelName("Viestintä ja Media!")).toBe("viestinta-ja-media");
    expect(channelName("x".repeat(100))).toHaveLength(80);
  });
});

describe("Block Kit rendering", () => {
  const controls = memoryControls();

  it("converts links and escapes control characters", () => {
    expect(mrkdwn("*Kokous* [esityslista](https://example.fi/a?b=1) <3")).toBe("*Kokous* <https://example.fi/a?b=1|esityslista> &lt;3");
  });

  it("splits text without losing any of it", () => {
    const value = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(" ");
    const pieces = chunkText(value, 3000);
    expect(pieces.every((p) => p.length <= 3000)).toBe(true);
    expect(pieces.join(" ")).toBe(value);
  });

  it("keeps within element limits: header, fields, buttons, select options and long values", async () => {
    const longCall = { command: "news add", args: { newsGroup: "Viestintä", news: "x".repeat(200) } };
    const reply = onlyYou(
      heading("H".repeat(200)),
      fields(...Array.from({ length: 12 }, (_, i) => [`L${i}`, `V${i}`] as const)),
      buttons(...Array.from({ length: 30 }, (_, i) => ({ label: `Nappi ${i} ${"y".repeat(100)}`, call: { command: "group info", args: { group: `R${i}` } } }))),
      select("Valitse", Array.from({ length: 120 }, (_, i) => ({ label: `Vaihtoehto ${i}`, call: i === 0 ? longCall : { command: "group info", args: { group: `R${i}` } } }))),
    );
    const [message] = renderMessages(reply, "fi", controls);
    await controls.flush();
    const blocks = message?.blocks as unknown as Record<string, any>[];
    expect(blocks[0]).toMatchObject({ type: "section", text: { text: `*${"H".repeat(200)}*` } });
    const sections = blocks.filter((b) => b.type === "section" && b.fields);
    expect(sections.map((s) => s.fields.length)).toEqual([10, 2]);
    const actions = blocks.filter((b) => b.type === "actions");
    const buttonEls = actions.flatMap((a) => a.elements).filter((e: any) => e.type === "button");
    expect(buttonEls).toHaveLength(30);
    expect(actions.every((a) => a.elements.length <= 25)).toBe(true);
    expect(buttonEls.every((e: any) => e.text.text.length <= 75)).toBe(true);
    const selects = actions.flatMap((a) => a.elements).filter((e: any) => e.type === "static_select");
    expect(selects.map((s: any) => s.options.length)).toEqual([100, 20]);
    const first = selects[0].options[0].value as string;
    expect(first.length).toBeLessThanOrEqual(150);
    expect((await controls.read(first))?.call).toEqual(longCall);
    const ids = [...buttonEls, ...selects].map((e: any) => e.action_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("posts attachments as code blocks under their file name, split as needed", () => {
    const content = Array.from({ length: 400 }, (_, i) => `rivi ${i};${"z".repeat(20)}`).join("\n");
    const messages = renderMessages(withAttachment(onlyYou(text("Vienti valmis")), { filename: "vaalit.csv", mimeType: "text/csv", content }), "fi", controls);
    expect(messages).toHaveLength(2);
    const file = messages[1]?.blocks as unknown as Record<string, any>[];
    expect(file[0]).toMatchObject({ type: "header", text: { text: "vaalit.csv" } });
    const code = file.filter((b) => b.type === "section").map((b) => b.text.text as string);
    expect(code.every((c) => c.startsWith("```\n") && c.endsWith("\n```") && c.length <= 3000)).toBe(true);
    expect(code.map((c) => c.slice(4, -4)).join("\n")).toBe(content);
    expect(JSON.stringify(messages[0]?.blocks)).toContain("(1/2)");
  });
});

describe("Bolt's log lines", () => {
  it("reach our logger with tokens blanked", () => {
    const lines: string[] = [];
    const record = (_fields: object, message: string) => void lines.push(message);
    const log = boltLogger({ info: record, warn: record, error: record });
    log.warn("token xoxb-123-456-abcDEF rejected;", { appToken: "xapp-1-A1-xyz" });
    log.debug("dropped xoxb-1");
    // An object or error passed along may be a payload (a vote's text next to its user): its kind only.
    log.error("listener failed", { user_id: "U0ALICE", text: "election vote e5hd 1 2 3 --confirm" }, new Error("election vote e5hd 1 2 3"));
    expect(lines).toEqual(["token xoxb-[redacted] rejected; [object]", "listener failed [object] [Error]"]);
  });
});
