// The scheduler with 10 000 active reminders in SQLite: resident memory, each tick's own work, and how
// soon after its time each due reminder is dispatched, with a fake clock ticking once a second.
// The reminders are written by this process; the scheduler runs in a child process of its own, so
// its resident memory is the scheduler's and not that of the bulk insert.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createServices } from "../src/core/services.ts";
import type { ChatPort } from "../src/core/shared/chat.ts";
import { manualClock } from "../src/core/shared/clock.ts";
import { nextOccurrence } from "../src/core/reminders/when.ts";
import { openStore, type Store } from "../src/store/open-store.ts";

const quiet = { info() {}, warn() {}, error() {} };
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const start = new Date("2026-12-07T07:00:00Z"); // Monday 9:00 in Helsinki
const windowMs = 30 * 60_000;
const total = 10_000;

interface TickReport {
  readonly posts: number;
  readonly tickMs: number[];
  readonly idleMs: number[];
  readonly baseRss: number;
  readonly maxRss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
}

/** Writes the 10 000 reminders: 9 000 one-offs spread over 30 minutes, 1 000 hourly recurring ones. */
async function seed(store: Store): Promise<number> {
  const group = await store.uow.run(async (stores) => {
    const g = await stores.groups.create({ workspaceId: "bench", name: "Bench" });
    return stores.groups.update(g.id, { channelId: "#bench" });
  });
  let expected = 0;
  for (let batch = 0; batch < total / 500; batch += 1) {
    await store.uow.run(async (stores) => {
      for (let i = batch * 500; i < (batch + 1) * 500; i += 1) {
        const cron = i % 10 === 0 ? `${(i / 10) % 60} * * * *` : null;
        const nextDueAt = cron ? nextOccurrence(cron, "Europe/Helsinki", start) : new Date(start.getTime() + 1 + Math.floor((i / total) * windowMs));
        if (nextDueAt.getTime() <= start.getTime() + windowMs) expected += 1;
        await stores.reminders.create({
          workspaceId: "bench",
          groupId: group.id,
          text: `Muistutus ${i}`,
          messageKey: null,
          params: {},
          cron,
          timeZone: "Europe/Helsinki",
          eventKey: null,
          audience: null,
          nextDueAt,
          pausedAt: null,
          createdById: null,
        });
      }
    });
  }
  return expected;
}

/** The child's part: open the store, tick once a simulated second through the window, then idle. */
async function runTicks(databaseUrl: string): Promise<TickReport> {
  const store = await openStore(databaseUrl);
  await store.uow.read.reminders.due(new Date(), 1);
  const baseRss = process.memoryUsage().rss;
  const clock = manualClock(start);
  let posts = 0;
  const chat: ChatPort = { post: async () => void (posts += 1), directMessage: async () => {} };
  const core = createServices({ uow: store.uow, clock, chat, channelLocale: "fi", logger: quiet });
  const tickMs: number[] = [];
  let maxRss = baseRss;
  for (let second = 1; second <= windowMs / 1000; second += 1) {
    clock.set(new Date(start.getTime() + second * 1000));
    const t0 = performance.now();
    await core.reminderDispatch.sendDueReminders(clock.now());
    tickMs.push(performance.now() - t0);
    if (second % 30 === 0) maxRss = Math.max(maxRss, process.memoryUsage().rss);
  }
  clock.set(new Date(start.getTime() + windowMs + 500));
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

export async function benchScheduler(): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), "council-bench-"));
  const url = `file:${join(folder, "bench.db")}`;
  try {
    const store = await openStore(url);
    const setupStart = performance.now();
    const expected = await seed(store);
    const setupMs = performance.now() - setupStart;
    await store.close();

    const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
    // Twice over the same reminders (a copy of the file each): V8's default heap grows lazily, so
    // the resident memory says more about the heap limit than about the scheduler; a capped heap shows
    // what the scheduler needs.
    const snapshot = join(folder, "seeded.db");
    copyFileSync(join(folder, "bench.db"), snapshot);
    const runChild = (nodeOptions: string): TickReport => {
      const output = execFileSync(tsx, [fileURLToPath(import.meta.url), "--ticks", url], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NODE_OPTIONS: nodeOptions },
      });
      return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as TickReport;
    };
    const capped = runChild("--max-old-space-size=48");
    copyFileSync(snapshot, join(folder, "bench.db"));
    const report = runChild("");

    const check = await openStore(url);
    const lateness: number[] = [];
    let doubles = 0;
    const seen = new Set<string>();
    for (const group of await check.uow.read.groups.list("bench", { includeArchived: true })) {
      for (const reminder of await check.uow.read.reminders.listForGroup(group.id)) {
        for (const d of await check.uow.read.reminders.deliveries(reminder.id)) {
          const key = `${d.reminderId}@${d.dueAt.toISOString()}`;
          if (seen.has(key)) doubles += 1;
          seen.add(key);
          if (d.sentAt) lateness.push(d.sentAt.getTime() - d.dueAt.getTime());
        }
      }
    }
    await check.close();
    const { tickMs, idleMs } = report;
    return [
      `reminders: ${total} active (9 000 one-off over 30 min, 1 000 hourly recurring); written in ${setupMs.toFixed(0)} ms`,
      `dispatched in the 30 simulated minutes: ${report.posts} posts (expected ${expected}), ${doubles} doubled`,
      `lateness after due time (fake clock, 1 s ticks): max ${Math.max(...lateness)} ms, p99 ${pct(lateness, 99)} ms`,
      `tick work with due reminders: p50 ${pct(tickMs, 50).toFixed(1)} ms, p99 ${pct(tickMs, 99).toFixed(1)} ms, max ${Math.max(...tickMs).toFixed(1)} ms (${tickMs.length} ticks)`,
      `idle tick (nothing due): p50 ${pct(idleMs, 50).toFixed(2)} ms, max ${Math.max(...idleMs).toFixed(2)} ms`,
      `scheduler process resident memory, default heap: max ${mb(report.maxRss)} (${mb(report.baseRss)} after opening the store, before the first tick; at the end heap ${mb(report.heapUsed)} used of ${mb(report.heapTotal)})`,
      `scheduler process resident memory, --max-old-space-size=48: max ${mb(capped.maxRss)} (${mb(capped.baseRss)} before the first tick; heap ${mb(capped.heapUsed)} used of ${mb(capped.heapTotal)}); ${capped.posts} posts`,
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--ticks" && process.argv[3]) {
  console.log(JSON.stringify(await runTicks(process.argv[3])));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchScheduler()) console.log(line);
}
