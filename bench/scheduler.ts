// The scheduler with 10 000 active reminders in SQLite: resident memory, each tick's own work, and how
// soon after its time each due reminder is dispatched, with a fake clock ticking once a second.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServices } from "../src/core/services.ts";
import type { ChatPort } from "../src/core/shared/chat.ts";
import { manualClock } from "../src/core/shared/clock.ts";
import { nextOccurrence } from "../src/core/reminders/when.ts";
import { openStore } from "../src/store/open-store.ts";

const quiet = { info() {}, warn() {}, error() {} };
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export async function benchScheduler(): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), "council-bench-"));
  const store = await openStore(`file:${join(folder, "bench.db")}`);
  await store.uow.read.reminders.due(new Date(), 1);
  const baseRss = process.memoryUsage().rss;
  try {
    const start = new Date("2026-12-07T07:00:00Z"); // Monday 9:00 in Helsinki
    const clock = manualClock(start);
    let posts = 0;
    const chat: ChatPort = { post: async () => void (posts += 1), directMessage: async () => {} };
    const core = createServices({ uow: store.uow, clock, chat, channelLocale: "fi", logger: quiet });
    const group = await store.uow.run(async (stores) => {
      const g = await stores.groups.create({ workspaceId: "bench", name: "Bench" });
      return stores.groups.update(g.id, { channelId: "#bench" });
    });

    // 9 000 one-offs spread over 30 minutes and 1 000 hourly recurring ones at every minute of the hour.
    const windowMs = 30 * 60_000;
    const setupStart = performance.now();
    const total = 10_000;
    let expected = 0;
    for (let batch = 0; batch < total / 500; batch += 1) {
      await store.uow.run(async (stores) => {
        for (let i = batch * 500; i < (batch + 1) * 500; i += 1) {
          const recurring = i % 10 === 0;
          const cron = recurring ? `${(i / 10) % 60} * * * *` : null;
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
            nextDueAt,
            pausedAt: null,
            createdById: null,
          });
        }
      });
    }
    const setupMs = performance.now() - setupStart;
    const afterSetupRss = process.memoryUsage().rss;

    const tickMs: number[] = [];
    let maxRss = process.memoryUsage().rss;
    for (let second = 1; second <= windowMs / 1000; second += 1) {
      clock.set(new Date(start.getTime() + second * 1000));
      const t0 = performance.now();
      await core.reminderDispatch.sendDueReminders(clock.now());
      tickMs.push(performance.now() - t0);
      if (second % 60 === 0) maxRss = Math.max(maxRss, process.memoryUsage().rss);
    }
    maxRss = Math.max(maxRss, process.memoryUsage().rss);

    // Idle ticks: nothing due, 10 000 reminders waiting.
    clock.set(new Date(start.getTime() + windowMs + 500));
    const idle: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const t0 = performance.now();
      await core.reminderDispatch.sendDueReminders(clock.now());
      idle.push(performance.now() - t0);
    }

    const rows = await store.uow.read.reminders.due(new Date("9999-12-31T00:00:00Z"), 20_000);
    const waiting = rows.length;
    // Lateness of every delivery: sentAt - dueAt, from the database.
    const lateness: number[] = [];
    let doubles = 0;
    const seen = new Set<string>();
    for (const reminder of await listAll(store)) {
      for (const d of await store.uow.read.reminders.deliveries(reminder)) {
        const key = `${d.reminderId}@${d.dueAt.toISOString()}`;
        if (seen.has(key)) doubles += 1;
        seen.add(key);
        if (d.sentAt) lateness.push(d.sentAt.getTime() - d.dueAt.getTime());
      }
    }
    return [
      `reminders: ${total} active (9 000 one-off over 30 min, 1 000 hourly recurring); set-up ${setupMs.toFixed(0)} ms`,
      `dispatched in the 30 simulated minutes: ${posts} posts (expected ${expected}), ${doubles} doubled, ${waiting} still scheduled`,
      `lateness after due time (fake clock, 1 s ticks): max ${Math.max(...lateness)} ms, p99 ${pct(lateness, 99)} ms`,
      `tick work with due reminders: p50 ${pct(tickMs, 50).toFixed(1)} ms, p99 ${pct(tickMs, 99).toFixed(1)} ms, max ${Math.max(...tickMs).toFixed(1)} ms (${tickMs.length} ticks)`,
      `idle tick (nothing due): p50 ${pct(idle, 50).toFixed(2)} ms, max ${Math.max(...idle).toFixed(2)} ms`,
      `resident memory: max ${mb(maxRss)} for the whole process; ${mb(baseRss)} of it before any reminder existed (Node, tsx, Prisma client), ${mb(afterSetupRss)} after inserting the 10 000 reminders, so the ticking itself grew it by ${mb(Math.max(0, maxRss - afterSetupRss))} (heap used ${mb(process.memoryUsage().heapUsed)})`,
    ];
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function listAll(store: Awaited<ReturnType<typeof openStore>>): Promise<string[]> {
  const groups = await store.uow.read.groups.list("bench", { includeArchived: true });
  const ids: string[] = [];
  for (const g of groups) for (const r of await store.uow.read.reminders.listForGroup(g.id)) ids.push(r.id);
  return ids;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchScheduler()) console.log(line);
}
