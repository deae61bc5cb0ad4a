/**
 * A decision without a meeting on Slack: the proposal reaches a member by direct message with
 * Block Kit buttons, and pressing one answers as the presser.
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

describe("Slack adapter: decisions without a meeting", () => {
  it("sends the proposal with yes/no/abstain buttons; pressing yes answers, and the last answer closes it", async () => {
    const b = await startSlackBot();
    bots.push(b);
    const council = (text: string, id: string) =>
      sendSlashCommand({ ...b.target, command: "/council", text, userId: "U0ALICE", channelId: "C0GENERAL", responseUrl: b.webApi.responseUrl(id) });
    await council("group create Viestintä", "create");
    const proposed = await council("decide Viestintä 15.12.2030 Hyväksytään kevään aikataulu.", "decide");
    expect(blocksText((proposed.body as { blocks?: unknown[] }).blocks)).toContain("Päätösehdotus 1 tehty työryhmälle Viestintä");

    const dm = await b.webApi.waitForCall("chat.postMessage", (c) => blocksText(c.args.blocks).includes("Hyväksytään kevään aikataulu."));
    expect(String(dm.args.channel)).toMatch(/^D/);
    type Element = { action_id: string; value: string; text: { text: string } };
    const actions = (dm.args.blocks as { type: string; elements?: Element[] }[]).find((block) => block.type === "actions");
    expect(actions?.elements?.map((e) => e.text.text)).toEqual(["kyllä", "ei", "tyhjä"]);
    const yes = actions!.elements![0]!;
    expect(decodeCall(yes.value)).toEqual({ call: { command: "decision answer", args: { group: "Viestintä", number: "1", answer: "yes" } } });

    const press = blockActionPayload({ actionId: yes.action_id, value: yes.value, userId: "U0ALICE", responseUrl: b.webApi.responseUrl("yes") });
    expect((await sendInteractive(b.target, press)).status).toBe(200);
    const answer = (await b.webApi.waitForResponse("yes")) as { blocks: unknown[] };
    expect(blocksText(answer.blocks)).toContain("Vastauksesi päätösehdotukseen 1: kyllä.");
    const shown = await council("decision show Viestintä 1", "show");
    expect(blocksText((shown.body as { blocks?: unknown[] }).blocks)).toContain("ehdotus hyväksyttiin");
  });
});
