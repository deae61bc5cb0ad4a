/**
 * A vote that fails unexpectedly in Discord (real discord.js against the fake Discord, the real
 * logger at trace), confirmed by the ballot's button: the voter is told a reference, the log holds
 * it, and no line holds the vote's text or the voter next to any part of the ballot.
 */
import { afterEach, describe, expect, it } from "vitest";
import { personId } from "../../../adapters/discord/ids.ts";
import { capturedLog, expectBallotSecret, expectReferenceLogged, refuseBallots } from "../../support/captured-log.ts";
import { FIXTURE_IDS } from "../harness/discord/index.ts";
import { bodyText, buttonsOf, slash, startDiscordSetup, type DiscordSetup } from "./setup.ts";

let setup: DiscordSetup | null = null;
afterEach(async () => {
  await setup?.close();
  setup = null;
});

type Options = Record<string, string | number | boolean>;
const voter = { id: FIXTURE_IDS.chairUser, names: ["Aino Virtanen", "aino.virtanen"] };
const candidates = [
  { id: FIXTURE_IDS.memberUser, name: "Mikko" },
  { id: FIXTURE_IDS.otherUser, name: "Liisa Nieminen" },
];

describe("the log and a secret ballot (Discord)", () => {
  it("a vote that fails on its confirm button gives a reference and logs neither the ballot nor the vote's text", async () => {
    const log = capturedLog();
    setup = await startDiscordSetup({ logger: log.logger });
    const { fake } = setup;
    const run = async (group: string, subcommand: string, options: Options, userId: string = voter.id) =>
      (await fake.waitForCallback(fake.sendChatInput({ ...slash(setup!.adapter, group, subcommand), options, userId }))).data;
    const press = async (asked: unknown, userId: string = voter.id) =>
      (await fake.waitForCallback(fake.sendButton({ customId: buttonsOf(asked)[0]?.customId ?? "", userId }))).data;

    await run("group", "create", { name: "Viestintä" });
    await run("group", "rules", { group: "Viestintä", rule: "joining", value: "open" });
    for (const c of candidates) await run("group", "join", { group: "Viestintä" }, c.id);
    const created = bodyText(await run("election", "create", { group: "Viestintä", seats: 1, "election-spec": "plurality Edustaja" }));
    const id = /`(e[a-z0-9]+)`/.exec(created)?.[1] ?? "";
    expect(id, created).not.toBe("");
    await run("election", "open-nominations", { election: id });
    for (const c of candidates) {
      await run("election", "nominate", { election: id }, c.id);
      await press(await run("election", "accept", { election: id }, c.id), c.id);
    }
    expect(bodyText(await press(await run("election", "open", { election: id })))).toContain("Äänioikeutettuja");
    const review = await run("election", "vote", { election: id, choices: "2" });
    expect(bodyText(review)).toMatch(/^2\. (Mikko|Liisa Nieminen)$/m);

    // A vote cast whose answer Discord refuses: the SDK's error carries the request it sent (the
    // receipt); the log must not.
    const mikko = candidates[0]!;
    const hisReview = await run("election", "vote", { election: id, choices: "1" }, mikko.id);
    fake.respondWith("POST", "/interactions/:interactionId/:token/callback", { status: 400, body: { message: "Invalid Form Body", code: 50035 } }, { times: 1 });
    fake.sendButton({ customId: buttonsOf(hisReview)[0]?.customId ?? "", userId: mikko.id });
    const refused = await fake.waitForCall("POST", "/interactions/:interactionId/:token/callback", { where: (call) => call.status === 400 });
    const receipt = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(JSON.stringify(refused.body))?.[1];
    expect(receipt, JSON.stringify(refused.body)).toBeDefined();
    await expect.poll(() => log.lines.some((l) => l.includes("discord interaction failed"))).toBe(true);
    expect(log.lines.filter((l) => l.includes(receipt!))).toEqual([]);

    refuseBallots(setup.dbPath);
    const answered = bodyText(await press(review));
    expect(answered).toContain("kerro ylläpitäjälle viite");
    expectReferenceLogged(answered, log.lines);

    expectBallotSecret(log.lines, {
      voter: [voter.id, ...voter.names, personId(FIXTURE_IDS.guild, voter.id)],
      ballot: [...candidates.map((c) => c.name), '["2"]', "[2]"],
      voteText: [`vote ${id} 2`],
    });
  });
});
