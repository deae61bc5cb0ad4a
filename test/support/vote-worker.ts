// A bot process of its own that casts votes: `tsx test/support/vote-worker.ts <database url>
// <election id> <first voter> <last voter> [one-by-one]` with BALLOT_SECRET set (and DATABASE_SCHEMA for
// a PostgreSQL schema). Each voter
// "Äänestäjä N" votes yes, all at once unless one-by-one; prints one JSON line: how many were stored, and every reply that was not a stored vote.
import { consoleDirectory, consoleIdentity, consoleWorkspace } from "../../adapters/console/directory.ts";
import { createApp } from "../../src/app.ts";
import { openStore } from "../../src/store/open-store.ts";
import { recordingChat } from "./recording-chat.ts";
import { replyText, silentLogger } from "./test-app.ts";

const [url, electionId, first, last, pace] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const store = await openStore(url, process.env.DATABASE_SCHEMA ? { schema: process.env.DATABASE_SCHEMA } : {});
const app = createApp({
  config: { DEFAULT_LOCALE: "en", TIMEZONE: "Europe/Helsinki" },
  store,
  chat: recordingChat(),
  logger: silentLogger,
  ballotSecret: Buffer.from(process.env.BALLOT_SECRET!, "hex"),
});
const voters = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => `Äänestäjä ${Number(first) + i}`);
const vote = async (name: string) =>
  replyText(
    await app.dispatcher.runLine(
      { identity: consoleIdentity(name), isWorkspaceAdmin: false, workspaceId: consoleWorkspace, channelId: "#yleinen", directory: consoleDirectory },
      `election vote ${electionId} yes --confirm`,
    ),
  );
// "one-by-one": each voter after the previous one's answer, so a test can stop the process mid-way.
const replies: string[] = [];
if (pace === "one-by-one") for (const name of voters) replies.push(await vote(name));
else replies.push(...(await Promise.all(voters.map(vote))));
const stored = replies.filter((r) => r.includes("is recorded"));
process.stdout.write(`${JSON.stringify({ stored: stored.length, others: replies.filter((r) => !stored.includes(r)) })}\n`);
await store.close();
