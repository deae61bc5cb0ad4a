/**
 * A vote that fails unexpectedly, run through the real console adapter and dispatcher with the
 * real logger at trace: the voter is told a reference, the log holds it, and no log line holds the
 * vote's text or the voter next to any part of the ballot.
 */
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createConsoleAdapter } from "../../adapters/console/index.ts";
import { consoleIdentity } from "../../adapters/console/directory.ts";
import { createApp } from "../../src/app.ts";
import { openStore, type Store } from "../../src/store/open-store.ts";
import { capturedLog, expectBallotSecret, expectReferenceLogged, refuseBallots } from "../support/captured-log.ts";
import { testBallotSecret } from "../support/ballot-secret.ts";
import { recordingChat } from "../support/recording-chat.ts";
import { tempDatabase } from "../support/temp-database.ts";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()?.();
});

const voter = "Maija Äänestäjä";
const candidates = ["Kaarina Kandidaatti", "Ville Vaaliehdokas"];

async function consoleBot() {
  const db = tempDatabase();
  const store: Store = await openStore(db.url);
  cleanup.push(() => db.remove(), () => store.close());
  const log = capturedLog();
  const app = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki" }, store, chat: recordingChat(), logger: log.logger, ballotSecret: testBallotSecret });
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const running = createConsoleAdapter({ dispatcher: app.dispatcher, controls: app.controls, input, output, interactive: false, user: voter, admins: [voter] }).run();
  /** Types lines into the console and returns what it printed for them. */
  const type = async (...lines: string[]): Promise<string> => {
    const before = printed.length;
    for (const line of lines) input.write(`${line}\n`);
    // The adapter answers one line at a time: wait for an answer, then for the output to settle.
    let seen = -1;
    for (let i = 0; i < 400 && (printed.length === before || printed.length !== seen); i++) {
      seen = printed.length;
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    return printed.slice(before);
  };
  cleanup.push(async () => {
    input.end();
    await running;
  });
  return { app, db, log, type, printed: () => printed };
}

describe("the log and a secret ballot (console)", () => {
  it("a vote that fails gives the voter a reference and logs neither the ballot nor the vote's text", async () => {
    const bot = await consoleBot();
    await bot.type("group create Viestintä");
    for (const name of candidates) await bot.type(`group add Viestintä "${name}"`);
    const created = await bot.type("election create Viestintä 1 plurality Edustaja");
    const id = /tunnus (e[a-z0-9]+)\)/.exec(created)?.[1] ?? "";
    expect(id, created).not.toBe("");
    await bot.type(`election open-nominations ${id}`);
    for (const name of candidates) await bot.type(`/as ${name}`, `election nominate ${id}`, `election accept ${id} --confirm`);
    await bot.type(`/as ${voter}`);
    expect(await bot.type(`election open ${id} --confirm`)).toContain("Äänioikeutettuja");
    // The review shows the ballot as understood; the second candidate is the voter's only choice.
    expect(await bot.type(`election vote ${id} 2`)).toContain(candidates[1]);

    refuseBallots(bot.db.path);
    const reply = await bot.type(`election vote ${id} 2 --confirm`);
    expect(reply).toContain("kerro ylläpitäjälle viite");

    const person = consoleIdentity(voter).externalId;
    expectBallotSecret(bot.log.lines, {
      voter: [voter, person],
      ballot: [...candidates, '["2"]', "[2]"],
      voteText: [`vote ${id} 2`],
    });
    expectReferenceLogged(reply, bot.log.lines);
  });
});
