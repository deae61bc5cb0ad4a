// A bot process of its own that casts votes: `tsx test/support/vote-worker.ts <database url>
// <election id> <first voter> <last voter>` with BALLOT_SECRET set. Each voter "Äänestäjä N" votes
// yes, all at once; prints one JSON line: how many were stored and the replies that were not.
import { consoleDirectory, consoleIdentity, consoleWorkspace } from "../../adapters/console/directory.ts";
import { createApp } from "../../src/app.ts";
import { openStore } from "../../src/store/open-store.ts";
import { recordingChat } from "./recording-chat.ts";
import { replyText, silentLogger } from "./test-app.ts";

const [url, electionId, first, last] = process.argv.slice(2) as [string, string, string, string];
const store = await openStore(url);
const app = createApp({
  config: { DEFAULT_LOCALE: "en", TIMEZONE: "Europe/Helsinki" },
  store,
  chat: recordingChat(),
  logger: silentLogger,
  ballotSecret: Buffer.from(process.env.BALLOT_SECRET!, "hex"),
});
const voters = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => `Äänestäjä ${Number(first) + i}`);
const replies = await Promise.all(
  voters.map(async (name) =>
    replyText(
      await app.dispatcher.runLine(
        { identity: consoleIdentity(name), isWorkspaceAdmin: false, workspaceId: consoleWorkspace, channelId: "#yleinen", directory: consoleDirectory },
        `election vote ${electionId} yes --confirm`,
      ),
    ),
  ),
);
const stored = replies.filter((r) => r.includes("is recorded"));
process.stdout.write(`${JSON.stringify({ stored: stored.length, others: replies.filter((r) => !stored.includes(r)).slice(0, 3) })}\n`);
await store.close();
