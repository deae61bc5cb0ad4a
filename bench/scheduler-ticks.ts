// The scheduler's process in the bench: opens the seeded database, ticks once a simulated second
// through the window with a fake clock, then idles; prints its figures as one JSON line. Built and
// started the way `npm start` starts the bot (scripts/build.mjs, the node flags in package.json).
import { createServices } from "../src/core/services.ts";
import type { ChatPort } from "../src/core/shared/chat.ts";
import { manualClock } from "../src/core/shared/clock.ts";
import { openStore } from "../src/store/open-store.ts";
import { benchStart, benchWindowMs, type TickReport } from "./scheduler-shared.ts";
import { testBallotSecret } from "../test/support/ballot-secret.ts";

const quiet = { info() {}, warn() {}, error() {} };

/** Opens the store, ticks once a simulated second through the window, then idles. */
async function runTicks(databaseUrl: string): Promise<TickReport> {
  const store = await openStore(databaseUrl);
  await store.uow.read.reminders.due(new Date(), 1);
  const baseRss = process.memoryUsage().rss;
  const clock = manualClock(benchStart);
  let posts = 0;
  const chat: ChatPort = { post: async () => void (posts += 1), directMessage: async () => {} };
  const core = createServices({ uow: store.uow, clock, chat, channelLocale: "fi", logger: quiet, ballotSecret: testBallotSecret });
  const tickMs: number[] = [];
  let maxRss = baseRss;
  for (let second = 1; second <= benchWindowMs / 1000; second += 1) {
    clock.set(new Date(benchStart.getTime() + second * 1000));
    const t0 = performance.now();
    await core.reminderDispatch.sendDueReminders(clock.now());
    tickMs.push(performance.now() - t0);
    maxRss = Math.max(maxRss, process.memoryUsage.rss());
  }
  clock.set(new Date(benchStart.getTime() + benchWindowMs + 500));
  const idleMs: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const t0 = performance.now();
    await core.reminderDispatch.sendDueReminders(clock.now());
    idleMs.push(performance.now() - t0);
  }
  maxRss = Math.max(maxRss, process.memoryUsage().rss);
  await store.close();
  const { heapUsed, heapTotal, external } = process.memoryUsage();
  return { posts, tickMs, idleMs, baseRss, maxRss, heapUsed, heapTotal, external };
}

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error("usage: scheduler-ticks.cjs <database url>");
// No top-level await: the bundle is CommonJS, as the bot's is.
void runTicks(databaseUrl).then((report) => console.log(JSON.stringify(report)));
