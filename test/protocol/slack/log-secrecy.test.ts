/**
 * A vote that fails unexpectedly in Slack (real Bolt over the harness, the real logger at trace):
 * by slash command and by the ballot's confirm button. The voter is told a reference, the log holds
 * it, and no line holds the vote's text or the voter next to any part of the ballot.
 */
import { decodeCall } from "../../../src/render/call-codec.ts";
import { afterEach, describe, expect, it } from "vitest";
import { personId } from "../../../adapters/slack/ids.ts";
import { capturedLog, expectBallotSecret, expectReferenceLogged, refuseBallots } from "../../support/captured-log.ts";
import { DEFAULT_TEAM_ID, blockActionPayload, sendInteractive, sendSlashCommand } from "../harness/slack/index.ts";
import { blocksText, startSlackBot, type SlackBot } from "./setup.ts";

const bots: SlackBot[] = [];
afterEach(async () => {
  while (bots.length > 0) await bots.pop()?.close();
});

const voter = { id: "U0VOTER", name: "Maija Äänestäjä" };
const candidates = [
  { id: "U0KAARINA", name: "Kaarina Kandidaatti" },
  { id: "U0VILLE", name: "Ville Vaaliehdokas" },
];

let responses = 0;
async function council(b: SlackBot, user: string, line: string) {
  const res = await sendSlashCommand({ ...b.target, command: "/council", text: line, userId: user, channelId: "C0GENERAL", responseUrl: b.webApi.responseUrl(`r${++responses}`) });
  const ack = res.body as { text?: string; blocks?: unknown[] };
  return { text: `${ack.text ?? ""}\n${blocksText(ack.blocks)}`, blocks: ack.blocks ?? [] };
}

describe("the log and a secret ballot (Slack)", () => {
  it("a vote that fails, typed or confirmed by button, gives a reference and logs neither the ballot nor the vote's text", async () => {
    const log = capturedLog();
    const b = await startSlackBot({ logger: log.logger });
    bots.push(b);
    for (const person of [voter, ...candidates]) b.webApi.setUser(person.id, { real_name: person.name, profile: { real_name: person.name, display_name: person.name } });

    await council(b, voter.id, "group create Viestintä");
    await council(b, voter.id, "group rules Viestintä joining open");
    for (const c of candidates) await council(b, c.id, "group join Viestintä");
    const created = await council(b, voter.id, "election create Viestintä 1 plurality Edustaja");
    const id = /`(e[a-z0-9]+)`/.exec(created.text)?.[1] ?? "";
    expect(id, created.text).not.toBe("");
    await council(b, voter.id, `election open-nominations ${id}`);
    for (const c of candidates) {
      await council(b, c.id, `election nominate ${id}`);
      await council(b, c.id, `election accept ${id} --confirm`);
    }
    expect((await council(b, voter.id, `election open ${id} --confirm`)).text).toContain("Äänioikeutettuja");
    const review = await council(b, voter.id, `election vote ${id} 2`);
    expect(review.text).toContain(candidates[1]!.name);
    const confirm = (review.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((block) => block.type === "actions")?.elements?.[0];
    expect(decodeCall(confirm?.value ?? "")).toEqual({ call: { command: "election vote", args: { election: id, choices: "2" }, confirmed: true } });

    refuseBallots(b.dbPath);
    const typed = await council(b, voter.id, `election vote ${id} 2 --confirm`);
    expect(typed.text).toContain("kerro ylläpitäjälle viite");
    expectReferenceLogged(typed.text, log.lines);

    const pressed = await sendInteractive(
      b.target,
      blockActionPayload({ actionId: confirm?.action_id ?? "", value: confirm?.value ?? "", userId: voter.id, userName: voter.name, channelId: "C0GENERAL", responseUrl: b.webApi.responseUrl("press") }),
    );
    expect(pressed.status).toBe(200);
    const answered = (await b.webApi.waitForResponse("press")) as { text?: string; blocks?: unknown[] };
    const pressedText = `${answered.text ?? ""}\n${blocksText(answered.blocks)}`;
    expect(pressedText).toContain("kerro ylläpitäjälle viite");
    expectReferenceLogged(pressedText, log.lines);

    expectBallotSecret(log.lines, {
      voter: [voter.id, voter.name, personId(DEFAULT_TEAM_ID, voter.id)],
      ballot: [...candidates.map((c) => c.name), '["2"]', "[2]"],
      voteText: [`vote ${id} 2`],
    });
  });
});
