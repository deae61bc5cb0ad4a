/**
 * Senders and groups are looked up through a cache (src/store/read-cache.ts); roles never are.
 * What one bot process changes, another on the same database sees: on SQLite at its next command,
 * on PostgreSQL once the commit's notification arrives (a moment later).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import type { Store } from "../../src/store/open-store.ts";
import { testBallotSecret } from "../support/ballot-secret.ts";
import pg from "pg";
import { postgresAvailable, testPostgresUrl } from "../support/postgres.ts";
import { recordingChat } from "../support/recording-chat.ts";
import { createTestApp, replyText, silentLogger, type Backend, type TestApp } from "../support/test-app.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];

describe.each(backends)("cached look-ups on %s", (backend) => {
  let app: TestApp;
  let secondStore: Store;
  let second: App;
  /** A command in the second bot process. */
  const elsewhere = async (name: string, line: string) => replyText(await second.dispatcher.runLine(app.request(name), line));
  /** SQLite sees another process's commit at once; PostgreSQL once its notification has arrived. */
  const seen = async (check: () => Promise<void>) => {
    if (backend === "sqlite") return check();
    for (const deadline = Date.now() + 3_000; ; ) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };

  beforeEach(async () => {
    app = await createTestApp({ backend });
    secondStore = await app.openSecondStore();
    second = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki" }, store: secondStore, chat: recordingChat(), logger: silentLogger, ballotSecret: testBallotSecret, clock: app.clock });
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group add Viestintä Ben secretary");
  });
  afterEach(async () => {
    await secondStore.close();
    await app.close();
  });

  const notice = async () => (await app.say("Anna", "group rules Viestintä")).match(/`notice`\): (.*?) —/)?.[1];

  it("takes a role away at the next command, whichever process took it", async () => {
    expect(await app.say("Ben", "group rules Viestintä notice 14")).not.toContain("Vain");
    const fourteen = await notice();
    expect(fourteen).toContain("14");

    // Ben's person and the group are in this process's cache now; the role goes in the other process.
    expect(await elsewhere("Anna", "group role Viestintä Ben member")).toContain("on nyt jäsen");
    expect(await app.say("Ben", "group rules Viestintä notice 10")).toContain("Vain");
    expect(await notice()).toBe(fourteen);

    // And back, in this process: the next command may again.
    await app.say("Anna", "group role Viestintä Ben secretary");
    expect(await app.say("Ben", "group rules Viestintä notice 10")).not.toContain("Vain");
    expect(await notice()).toContain("10");
  });

  it("shows a group renamed and a language chosen in another process", async () => {
    expect(await app.say("Ben", "group list")).toContain("Viestintä");
    await elsewhere("Anna", "group rename Viestintä Media");
    await seen(async () => {
      const listed = await app.say("Ben", "group list");
      expect(listed).toContain("Media");
      expect(listed).not.toContain("Viestintä");
    });

    await elsewhere("Ben", "lang en");
    await seen(async () => void expect(await app.say("Ben", "group list")).toContain("Working groups"));
  });

  it("forgets at once what this process changes, inside a transaction or not", async () => {
    expect(await app.say("Ben", "group list")).toContain("Viestintä");
    await app.say("Anna", "group rename Viestintä Media");
    expect(await app.say("Ben", "group list")).toContain("Media");
    await app.say("Ben", "lang sv");
    expect(await app.say("Ben", "group list")).not.toBe(await app.say("Anna", "group list"));
  });

  it("registers a person once when their first commands arrive together", async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? app : { say: elsewhere }).say("Uusi Jäsen", "group list")));
    expect(replies.every((r) => r.includes("Viestintä"))).toBe(true);
    expect(app.errors).toEqual([]);
    expect(await app.say("Anna", "group add Viestintä \"Uusi Jäsen\"")).toContain("Uusi Jäsen");
  });

  it.runIf(backend === "postgresql")("trusts nothing while its listening connection is down, and listens again", async () => {
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    try {
      const channel = `council_changes_${app.postgresSchema}`;
      const listeners = async () =>
        (await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE query = $1", [`LISTEN ${pg.escapeIdentifier(channel)}`])).rows;
      expect(await listeners()).toHaveLength(2);
      expect(await app.say("Ben", "group list")).toContain("Viestintä");
      // Both processes' listeners go; a change made now sends a notification nobody hears.
      for (const { pid } of await listeners()) await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      await elsewhere("Anna", "group rename Viestintä Media");
      expect(await app.say("Ben", "group list")).toContain("Media");
      // They come back, and the cache serves again.
      await seen(async () => void expect(await listeners()).toHaveLength(2));
      await elsewhere("Anna", "group rename Media Viestintä");
      await seen(async () => void expect(await app.say("Ben", "group list")).toContain("Viestintä"));
    } finally {
      await admin.end();
    }
  });
});
