// A bot process of its own that only sends the outbox: `tsx test/support/outbox-worker.ts <database
// url> <batch size>`. Drains it (twice at once, as a tick and a kick would), then prints one JSON
// line: every post it sent, with its key.
import { createServices } from "../../src/core/services.ts";
import { systemClock } from "../../src/core/shared/clock.ts";
import { openStore } from "../../src/store/open-store.ts";
import { testBallotSecret } from "./ballot-secret.ts";
import { recordingChat } from "./recording-chat.ts";
import { replyText, silentLogger } from "./test-app.ts";

const [url, batchSize] = process.argv.slice(2) as [string, string];
const store = await openStore(url);
const chat = recordingChat();
const keys: (string | undefined)[] = [];
const keyed = { ...chat, post: (to: string, reply: Parameters<typeof chat.post>[1], options?: { key?: string }) => (keys.push(options?.key), chat.post(to, reply)) };
const services = createServices({ uow: store.uow, clock: systemClock, chat: keyed, channelLocale: "fi", ballotSecret: testBallotSecret, logger: silentLogger, outbox: { batchSize: Number(batchSize) } });
await Promise.all([services.outbox.drain(), services.outbox.drain()]);
process.stdout.write(`${JSON.stringify(chat.posts.map((p, i) => ({ text: replyText(p.reply), key: keys[i] })))}\n`);
await store.close();
