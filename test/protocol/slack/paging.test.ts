/**
 * A paged list over Slack's wire protocols: the first page with a "more" button, the button's press
 * (a signed block action) answering with the next page through response_url.
 */
import { afterEach, describe, expect, it } from "vitest";
import { decodeCall } from "../../../src/render/call-codec.ts";
import { blockActionPayload, sendInteractive, sendSlashCommand } from "../harness/slack/index.ts";
import { blocksText, startSlackBot, type SlackBot } from "./setup.ts";

const bots: SlackBot[] = [];
afterEach(async () => {
  const errors = bots.flatMap((b) => b.logger.entries.filter((e) => e.level === "error"));
  while (bots.length > 0) await bots.pop()?.close();
  expect(errors).toEqual([]);
});

type Element = { action_id: string; value: string; text: { text: string } };
const moreButton = (blocks: unknown): Element | undefined =>
  (blocks as { type: string; elements?: Element[] }[]).find((block) => block.type === "actions")?.elements?.find((e) => e.text.text.startsWith("Näytä"));

describe("Slack adapter: paged lists", () => {
  it("shows 20 groups with a more button; pressing it shows the rest, with no button on the last page", { timeout: 60_000 }, async () => {
    const b = await startSlackBot();
    bots.push(b);
    const send = (text: string, id: string) =>
      sendSlashCommand({ ...b.target, command: "/council", text, userId: "U0ALICE", channelId: "C0GENERAL", responseUrl: b.webApi.responseUrl(id) });
    const names = Array.from({ length: 23 }, (_, i) => `Ryhmä ${String(i + 1).padStart(2, "0")}`);
    for (const [i, name] of names.entries()) await send(`group create ${name}`, `create${i}`);

    const first = (await send("group list", "list")).body as { blocks: unknown[] };
    const firstText = blocksText(first.blocks);
    expect(firstText).toContain("Ryhmä 20");
    expect(firstText).not.toContain("Ryhmä 21");
    expect(firstText).toContain("Näytetään 1–20/23");
    const more = moreButton(first.blocks);
    expect(more?.text.text).toBe("Näytä 3 lisää");
    // The button carries the whole call: pressed after a restart or on another instance, it means the same.
    expect(decodeCall(more?.value ?? "")).toEqual({ call: { command: "group list", args: { page: "2" } } });

    const press = await sendInteractive(b.target, blockActionPayload({ actionId: more!.action_id, value: more!.value, userId: "U0ALICE", responseUrl: b.webApi.responseUrl("more") }));
    expect(press.status).toBe(200);
    const next = (await b.webApi.waitForResponse("more")) as { blocks: unknown[] };
    const nextText = blocksText(next.blocks);
    for (const name of names.slice(20)) expect(nextText).toContain(name);
    expect(nextText).not.toContain("Ryhmä 20");
    expect(nextText).toContain("Näytetään 21–23/23, viimeinen sivu.");
    expect(moreButton(next.blocks)).toBeUndefined();
  });

  it("pages the meeting list: 20 upcoming with a more button, the rest on pressing it", { timeout: 60_000 }, async () => {
    const b = await startSlackBot();
    bots.push(b);
    const send = (text: string, id: string) =>
      sendSlashCommand({ ...b.target, command: "/council", text, userId: "U0ALICE", channelId: "C0GENERAL", responseUrl: b.webApi.responseUrl(id) });
    await send("group create Viestintä", "create");
    // Monthly from January 2031: twelve meetings in 2031, eleven in 2032.
    for (let i = 0; i < 23; i += 1) await send(`meeting schedule Viestintä 3.${(i % 12) + 1}.${2031 + Math.floor(i / 12)} klo 14`, `schedule${i}`);

    const first = (await send("meeting list Viestintä", "list")).body as { blocks: unknown[] };
    const firstText = blocksText(first.blocks);
    expect(firstText).toContain("20. (8/2032)");
    expect(firstText).not.toContain("21. ");
    expect(firstText).toContain("Näytetään 1–20/23");
    const more = moreButton(first.blocks);
    expect(more?.text.text).toBe("Näytä 3 lisää");
    expect(decodeCall(more?.value ?? "")).toEqual({ call: { command: "meeting list", args: { group: "Viestintä", page: "2" } } });

    const press = await sendInteractive(b.target, blockActionPayload({ actionId: more!.action_id, value: more!.value, userId: "U0ALICE", responseUrl: b.webApi.responseUrl("more") }));
    expect(press.status).toBe(200);
    const next = (await b.webApi.waitForResponse("more")) as { blocks: unknown[] };
    const nextText = blocksText(next.blocks);
    for (const row of ["21. (9/2032)", "22. (10/2032)", "23. (11/2032)"]) expect(nextText).toContain(row);
    expect(nextText).not.toContain("20. (8/2032)");
    expect(nextText).toContain("Näytetään 21–23/23, viimeinen sivu.");
    expect(moreButton(next.blocks)).toBeUndefined();
  });
});
