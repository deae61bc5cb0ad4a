import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { consoleWorkspace } from "../../adapters/console/directory.ts";
import { openStore } from "../../src/store/open-store.ts";
import { testBallotSecret } from "../support/ballot-secret.ts";
import { oneOffReminder } from "../support/one-off-reminder.ts";
import { bot, runConsole } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";

const root = join(import.meta.dirname, "../..");
const databases: ReturnType<typeof tempDatabase>[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.remove()));

const envFor = (url: string, extra: Record<string, string> = {}) => ({
  DATABASE_URL: url,
  BALLOT_SECRET: testBallotSecret.toString("hex"),
  LOG_LEVEL: "silent",
  ...extra,
});

/**
 * The real console bot as a long-running process: stdin stays open, so it runs until killed.
 * The built bot under Node itself, with no wrapper process, so that SIGKILL reaches it.
 */
function startBot(env: Record<string, string>) {
  const [command, args] = bot();
  const child = spawn(command, args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_code, signal) => resolve(signal)));
  return {
    stdout: () => stdout,
    say: (line: string) => child.stdin.write(`${line}\n`),
    /** Resolves once stdout holds `text`; the bot's own pace decides when, so no time is asserted. */
    async waitFor(text: string) {
      while (!stdout.includes(text)) {
        if (child.exitCode !== null) throw new Error(`bot exited before "${text}": ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    kill9: () => {
      child.kill("SIGKILL");
      return exited;
    },
  };
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

// Each test starts the bot three or four times; on a busy machine that is more than the default 30 s.
describe("posts survive a crash (kill -9) and are sent exactly once", { timeout: 120_000 }, () => {
  it("an announcement committed with its change but not yet sent goes out once after a restart", async () => {
    const db = tempDatabase();
    databases.push(db);
    const announcement = "[kanavalle #viestinta] Työryhmän Viestintä uusi nimi on Tiedotus.";
    // The first process writes the change and its post, sends nothing (as if killed right after the
    // commit), and is killed.
    const first = startBot(envFor(db.url, { OUTBOX_SEND: "false" }));
    first.say("group create Viestintä");
    first.say("group link-channel Viestintä #viestinta");
    first.say("group rename Viestintä Tiedotus");
    first.say("group list");
    await first.waitFor("- Tiedotus");
    expect(await first.kill9()).toBe("SIGKILL");
    expect(first.stdout()).not.toContain(announcement);

    // Restarted, the bot sends what the outbox holds; started again, it sends nothing twice.
    const second = await runConsole("group list\n", envFor(db.url));
    const third = await runConsole("group list\n", envFor(db.url));
    expect(second.code).toBe(0);
    expect(count(second.stdout + third.stdout, announcement)).toBe(1);
    expect(third.stdout).toContain("- Tiedotus");
  });

  it("a reminder occurrence recorded before a kill -9 is posted once, by the restarted bot", async () => {
    const db = tempDatabase();
    databases.push(db);
    const setup = await runConsole("group create Viestintä\ngroup link-channel Viestintä #viestinta\n", envFor(db.url));
    expect(setup.code).toBe(0);
    // A reminder due a moment from now, written as `remind add` would (its grammar counts in minutes).
    const store = await openStore(db.url);
    const [group] = await store.uow.read.groups.list(consoleWorkspace, { includeArchived: false });
    const reminder = await store.uow.read.reminders.create(oneOffReminder(group!.id, "Kaatumisen kestävä muistutus", new Date(Date.now() + 1_000)));

    // The first process's scheduler records the occurrence with its post in the outbox; it sends
    // nothing and is killed.
    const first = startBot(envFor(db.url, { OUTBOX_SEND: "false", SCHEDULER_TICK_SECONDS: "1" }));
    for (;;) {
      const [delivery] = await store.uow.read.reminders.deliveries(reminder.id);
      if (delivery?.state === "sent") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await first.kill9()).toBe("SIGKILL");
    expect(first.stdout()).not.toContain("Kaatumisen kestävä muistutus");

    const second = await runConsole("group list\n", envFor(db.url, { SCHEDULER_TICK_SECONDS: "1" }));
    const third = await runConsole("group list\n", envFor(db.url, { SCHEDULER_TICK_SECONDS: "1" }));
    expect(count(second.stdout + third.stdout, "[kanavalle #viestinta] 🔔 Kaatumisen kestävä muistutus")).toBe(1);
    expect(await store.uow.read.reminders.deliveries(reminder.id)).toHaveLength(1);
    await store.close();
  });
});
