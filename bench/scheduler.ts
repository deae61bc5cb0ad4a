// The scheduler with 10 000 active reminders in SQLite: resident memory, each tick's own work, and how
// soon after its time each due reminder is dispatched, with a fake clock ticking once a second.
// The reminders are written by this process; the scheduler runs in a process of its own
// (scheduler-ticks.ts), so its resident memory is the scheduler's and not that of the bulk insert.
// That process is built and started the way `npm start` starts the bot: bundled by
// scripts/build.mjs and run by plain Node with the flags in package.json's config.node_flags.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { nextOccurrence } from "../src/core/reminders/when.ts";
import { openStore, type Store } from "../src/store/open-store.ts";
import { bundle } from "../scripts/build.mjs";
import { entries } from "../scripts/fresh.cjs";
import { oneOffReminder } from "../test/support/one-off-reminder.ts";
import { benchStart, benchWindowMs, type TickReport } from "./scheduler-shared.ts";
import { formatResult, percentile as pct, type BenchTable } from "./table.ts";

const mb = (bytes: number) => bytes / 1024 / 1024;
const total = 10_000;
const root = fileURLToPath(new URL("..", import.meta.url));

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
        const nextDueAt = cron ? nextOccurrence(cron, "Europe/Helsinki", benchStart) : new Date(benchStart.getTime() + 1 + Math.floor((i / total) * benchWindowMs));
        if (nextDueAt.getTime() <= benchStart.getTime() + benchWindowMs) expected += 1;
        await stores.reminders.create({ ...oneOffReminder(group.id, `Muistutus ${i}`, nextDueAt), workspaceId: "bench", cron });
      }
    });
  }
  return expected;
}

export async function benchScheduler(): Promise<BenchTable[]> {
  const folder = mkdtempSync(join(tmpdir(), "council-bench-"));
  const url = `file:${join(folder, "bench.db")}`;
  try {
    const store = await openStore(url);
    const setupStart = performance.now();
    const expected = await seed(store);
    const setupMs = performance.now() - setupStart;
    await store.close();
    const snapshot = join(folder, "seeded.db");
    copyFileSync(join(folder, "bench.db"), snapshot);

    // As production runs: the bundle, plain Node, the start script's flags.
    const ticks = join(root, "dist/bench-scheduler-ticks.cjs");
    await bundle("bench/scheduler-ticks.ts", ticks, entries.main);
    const productionFlags = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { config: { node_flags: string } }).config.node_flags;
    const run = (command: string, args: string[]): TickReport => {
      copyFileSync(snapshot, join(folder, "bench.db"));
      const output = execFileSync(command, [...args, url], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, cwd: root });
      return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as TickReport;
    };
    const report = run(process.execPath, [...productionFlags.split(/\s+/).filter(Boolean), ticks]);
    // For comparison: the same code from source under tsx with Node's default heap (development).
    const dev = run(join(root, "node_modules/.bin/tsx"), [join(root, "bench/scheduler-ticks.ts")]);

    // Twice as production runs (the first after the build, the second after the tsx run); the
    // deliveries checked are the last run's.
    const measured = run(process.execPath, [...productionFlags.split(/\s+/).filter(Boolean), ticks]);
    const { lateness, doubles } = await deliveriesOf(url);
    const { tickMs, idleMs } = measured;
    const ticksOver50 = [...report.tickMs, ...tickMs].filter((t) => t > 50).length;
    const firstMinute = [...report.tickMs.slice(0, 60), ...tickMs.slice(0, 60)].filter((t) => t > 50).length;
    return [
      {
        title: "Scheduler: 10 000 active reminders in SQLite, a fake clock ticking once a second for 30 minutes",
        rows: [
          { what: "due reminders dispatched", ours: measured.posts, unit: "", detail: `of ${expected}, ${doubles} doubled`, target: "all, once" },
          { what: "latest dispatch after its due time", ours: Math.max(...lateness), unit: "ms", detail: `(p99 ${pct(lateness, 99)} ms)`, target: "< 1 000 ms" },
          { what: "one tick's own work with due reminders, p50", ours: pct(tickMs, 50), unit: "ms" },
          { what: "one tick's own work with due reminders, p99", ours: pct(tickMs, 99), unit: "ms", detail: `(an earlier run: ${pct(report.tickMs, 99).toFixed(1)} ms)`, target: "< 50 ms" },
          { what: "ticks over 50 ms, two runs", ours: ticksOver50, unit: "", detail: `of ${report.tickMs.length + tickMs.length} (${firstMinute} in a run's first minute; max ${Math.max(...tickMs).toFixed(0)} ms)` },
          { what: "idle tick (nothing due), p50", ours: pct(idleMs, 50), unit: "ms" },
          {
            what: "scheduler process resident memory, max",
            ours: mb(Math.max(report.maxRss, measured.maxRss)),
            unit: "MB",
            peer: { name: "the same code under tsx, Node's default heap", value: mb(dev.maxRss) },
            detail: `(${mb(measured.baseRss).toFixed(0)} MB before the first tick; heap ${mb(measured.heapUsed).toFixed(0)} MB used)`,
            target: "< 150 MB",
          },
        ],
        notes: [`Reminders written in ${setupMs.toFixed(0)} ms (9 000 one-off over 30 minutes, 1 000 hourly). The scheduler runs in a process of its own, bundled and started as \`npm start\` starts the bot (node ${productionFlags}).`],
      },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Every delivery row of the run: how late each was sent, and whether any occurrence exists twice. */
async function deliveriesOf(url: string): Promise<{ lateness: number[]; doubles: number }> {
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
  return { lateness, doubles };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatResult(await benchScheduler()));
}
