import { afterEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../src/core/shared/clock.ts";
import { createScheduler, type Scheduler } from "../../src/schedule/scheduler.ts";
import { createTestApp, silentLogger, type TestApp } from "../support/test-app.ts";
import { oneOffReminder } from "../support/one-off-reminder.ts";

// The scheduler's own timer on the real clock, ticking every second, while the process is busy.
const channel = "#viestinta";
let app: TestApp;
let scheduler: Scheduler | undefined;

afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  vi.restoreAllMocks();
  await app?.close();
});

/** A command that keeps the event loop to itself for `ms`, as a long stream of heavy commands does. */
const holdEventLoop = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

async function untilPosted(count: number, posted: () => string[]): Promise<string[]> {
  // Bounded, so a scheduler that never wakes fails here instead of hanging the suite.
  for (let waited = 0; posted().length < count && waited < 15_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return posted();
}

describe("the scheduler under a busy process", () => {
  it("sends every reminder that came due while a command held the event loop, each once, with no tick reported missed", async () => {
    app = await createTestApp({ start: new Date() });
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", `group link-channel Viestintä ${channel}`);
    const group = (await app.store.uow.read.groups.findByName("console:local", "Viestintä"))!;
    const start = Date.now();
    // Due during the busy stretch below, over several of the scheduler's one-second ticks.
    await app.store.uow.run(async (stores) => {
      for (const [n, dueIn] of [[1, 2_000], [2, 3_000], [3, 4_000]] as const) {
        await stores.reminders.create(oneOffReminder(group.id, `Muistutus ${n}`, new Date(start + dueIn)));
      }
    });
    const printed: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    const logged: string[] = [];
    const logger = { ...silentLogger, warn: (_: object, message: string) => void logged.push(message), error: (_: object, message: string) => void logged.push(message) };
    scheduler = createScheduler({ services: app.services, clock: systemClock, logger, tickSeconds: 1 });
    await scheduler.start();
    // Idle through a few ticks first, then busy.
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    holdEventLoop(3_500);

    const posted = () => app.chat.textsIn(channel).filter((t) => t.startsWith("🔔"));
    expect((await untilPosted(3, posted)).sort()).toEqual(["🔔 Muistutus 1", "🔔 Muistutus 2", "🔔 Muistutus 3"]);
    // A few more ticks after the catch-up: nothing is sent twice.
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect(posted()).toHaveLength(3);
    expect(printed.filter((line) => /missed execution|overlap/i.test(line))).toEqual([]);
    expect(logged).toEqual([]);
  }, 30_000);

  it("a tick asked for while a pass runs gets a pass of its own afterwards, which sends what came due meanwhile", async () => {
    app = await createTestApp({ start: new Date("2026-12-07T07:00:00Z") });
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", `group link-channel Viestintä ${channel}`);
    const group = (await app.store.uow.read.groups.findByName("console:local", "Viestintä"))!;
    await app.store.uow.run(async (stores) => {
      await stores.reminders.create(oneOffReminder(group.id, "Myöhemmin", new Date("2026-12-07T07:00:30Z")));
    });
    scheduler = createScheduler({ services: app.services, clock: app.clock, logger: silentLogger, tickSeconds: 3600 });
    const first = scheduler.tick(); // reads the clock at 7:00:00: nothing due yet
    app.clock.set(new Date("2026-12-07T07:01:00Z"));
    const second = scheduler.tick(); // asked while the first pass runs
    await Promise.all([first, second]);
    expect(app.chat.textsIn(channel).filter((t) => t.startsWith("🔔"))).toEqual(["🔔 Myöhemmin"]);
  });
});
