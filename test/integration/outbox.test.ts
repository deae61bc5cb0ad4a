import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { postToChannel } from "../../src/core/outbox/post.ts";
import type { OutboxOptions } from "../../src/core/outbox/worker.ts";
import { createServices, type Services } from "../../src/core/services.ts";
import type { ChatPort, PostOptions } from "../../src/core/shared/chat.ts";
import type { Clock } from "../../src/core/shared/clock.ts";
import { text, toChannel } from "../../src/render/build.ts";
import type { Reply } from "../../src/render/reply.ts";
import type { Store } from "../../src/store/open-store.ts";
import { testBallotSecret } from "../support/ballot-secret.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, replyText, silentLogger, type Backend, type TestApp } from "../support/test-app.ts";

const postgres = await postgresAvailable();
const root = join(import.meta.dirname, "../..");
const channel = "#viestinta";
let app: TestApp;
const extra: Store[] = [];

afterEach(async () => {
  for (const s of extra.splice(0)) await s.close();
  await app?.close();
});

/** A chat platform that records what it was sent, with each post's key, and fails while `down`. */
function platform() {
  const sent: { to: string; text: string; key: string | undefined }[] = [];
  const state = { down: false, calls: 0 };
  const take = async (to: string, reply: Reply, options?: PostOptions) => {
    state.calls += 1;
    if (state.down) throw Object.assign(new Error("503 from platform"), { name: "PlatformUnavailable" });
    sent.push({ to, text: replyText(reply), key: options?.key });
  };
  const chat: ChatPort = { post: take, directMessage: take };
  return { chat, sent, state };
}

/** A second bot core over `store` (another process, in effect), with its own platform and log. */
function core(store: Store, clock: Clock, chat: ChatPort, options: { send?: boolean; outbox?: Partial<OutboxOptions> } = {}) {
  const errors: object[] = [];
  const services: Services = createServices({
    uow: store.uow,
    clock,
    chat,
    channelLocale: "fi",
    ballotSecret: testBallotSecret,
    logger: { ...silentLogger, error: (fields: object) => void errors.push(fields) },
    sleep: async () => undefined,
    outboxSend: options.send ?? true,
    ...(options.outbox ? { outbox: options.outbox } : {}),
  });
  return { services, errors };
}

async function setup(backend: Backend = "sqlite") {
  app = await createTestApp({ backend });
  await app.say("Anna", "group create Viestintä");
  await app.say("Anna", `group link-channel Viestintä ${channel}`);
  app.chat.posts.length = 0;
  // Later than the set-up's own posts, so `recent` finds the test's post first.
  app.clock.advance(1_000);
  return app;
}

describe("the outbox", { timeout: 60_000 }, () => {
  it("a change and its post are one transaction: a refused or failed change leaves no post", async () => {
    await setup();
    const before = (await app.store.uow.read.outbox.recent(100)).length;
    // Ben is no officer: the rename is refused, and nothing is announced.
    expect(await app.say("Ben", "group rename Viestintä Tiedotus")).toContain("Vain");
    await expect(
      app.store.uow.run(async (stores) => {
        await postToChannel(stores, app.clock, channel, toChannel(text("Tätä ei lähetetä")));
        throw new Error("the change could not be saved");
      }),
    ).rejects.toThrow("could not be saved");
    expect(await app.store.uow.read.outbox.recent(100)).toHaveLength(before);
    expect(app.chat.posts).toEqual([]);

    // A change that commits brings its post, sent by the time the command answers, tied to its audit event.
    expect(await app.say("Anna", "group rename Viestintä Tiedotus")).toContain("Tiedotus");
    expect(app.chat.textsIn(channel)).toEqual(["Työryhmän Viestintä uusi nimi on Tiedotus."]);
    const [latest] = await app.store.uow.read.outbox.recent(1);
    expect(latest).toMatchObject({ target: { kind: "channel", id: channel }, cause: expect.stringMatching(/^audit:/), attempts: 1 });
    expect(latest?.sentAt).not.toBeNull();
  });

  for (const backend of (postgres ? ["sqlite", "postgresql"] : ["sqlite"]) as Backend[]) {
    it(`a failing send leaves the change in place; the post is retried later and sent once (${backend})`, async () => {
      await setup(backend);
      const down = platform();
      down.state.down = true;
      const { services } = core(app.store, app.clock, down.chat);
      const inv = await app.invocation("Anna");
      const renamed = await services.groups.rename(inv, "Viestintä", "Tiedotus");
      expect(renamed.name).toBe("Tiedotus");
      expect((await app.store.uow.read.groups.list(inv.workspaceId, { includeArchived: false })).map((g) => g.name)).toEqual(["Tiedotus"]);
      expect(down.sent).toEqual([]);
      const [waiting] = await app.store.uow.read.outbox.recent(1);
      expect(waiting).toMatchObject({ sentAt: null, failedAt: null, attempts: 1, lastError: "PlatformUnavailable" });

      // Before the backoff has passed nothing is tried; after it, the post goes once, with its key.
      down.state.down = false;
      expect(await services.outbox.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      app.clock.advance(30_000);
      expect(await services.outbox.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(down.sent).toEqual([{ to: channel, text: "Työryhmän Viestintä uusi nimi on Tiedotus.", key: waiting?.id }]);
      app.clock.advance(3_600_000);
      expect(await services.outbox.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(down.sent).toHaveLength(1);
    });
  }

  it("a crashed sender's lease keeps others off its messages until it expires; then one of them sends them", async () => {
    await setup();
    const writer = core(app.store, app.clock, platform().chat, { send: false });
    await writer.services.groups.archive(await app.invocation("Anna"), "Viestintä");
    // A process claimed the announcement and died before sending it.
    const claimed = await app.store.uow.run((stores) =>
      stores.outbox.claim(app.clock.now(), { owner: "crashed", until: new Date(app.clock.now().getTime() + 120_000) }, 10),
    );
    expect(claimed).toHaveLength(1);
    const live = platform();
    const { services } = core(app.store, app.clock, live.chat);
    expect(await services.outbox.drain()).toMatchObject({ sent: 0 });
    app.clock.advance(120_000);
    expect(await services.outbox.drain()).toMatchObject({ sent: 1 });
    expect(live.sent).toEqual([{ to: channel, text: "Työryhmä Viestintä on arkistoitu.", key: claimed[0]?.id }]);
  });

  it("a post that keeps failing is given up after the last attempt and logged", async () => {
    await setup();
    const down = platform();
    down.state.down = true;
    const { services, errors } = core(app.store, app.clock, down.chat, { outbox: { maxAttempts: 3, backoffMs: 1_000 } });
    await services.groups.archive(await app.invocation("Anna"), "Viestintä");
    for (let i = 0; i < 6; i++) {
      app.clock.advance(60_000);
      await services.outbox.drain();
    }
    const [given] = await app.store.uow.read.outbox.recent(1);
    expect(given).toMatchObject({ attempts: 3, sentAt: null, lastError: "PlatformUnavailable" });
    expect(given?.failedAt).not.toBeNull();
    expect(errors).toEqual([expect.objectContaining({ outboxId: given?.id, attempts: 3 })]);
    // The log names the message, never what it says.
    expect(JSON.stringify(errors)).not.toContain("arkistoitu");
  });

  /** 40 posts to four channels, written by a process that does not send. */
  async function fortyPosts() {
    const writer = core(app.store, app.clock, platform().chat, { send: false });
    expect(writer.services.outboxSends).toBe(false);
    await app.store.uow.run(async (stores) => {
      for (let i = 1; i <= 40; i++) await postToChannel(stores, app.clock, `#kanava-${i % 4}`, toChannel(text(`Viesti ${i}`)));
    });
  }
  const sentOnce = async (all: { text: string; key: string | undefined }[]) => {
    expect(all).toHaveLength(40);
    expect(new Set(all.map((s) => s.text)).size).toBe(40);
    expect(new Set(all.map((s) => s.key)).size).toBe(40);
    expect((await app.store.uow.read.outbox.recent(100)).filter((m) => m.sentAt === null)).toEqual([]);
  };

  // Two processes, as in a real multi-instance set-up: better-sqlite3 waits for a lock by blocking
  // its thread, so two connections in one process would wait on each other.
  it("two worker processes on one SQLite file send each message once", async () => {
    app = await createTestApp({ start: new Date() });
    await fortyPosts();
    const worker = () =>
      new Promise<{ text: string; key: string | undefined }[]>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", join(root, "test/support/outbox-worker.ts"), `file:${app.store.location}`, "7"], {
          cwd: root,
          env: { PATH: process.env.PATH ?? "" },
          stdio: ["ignore", "pipe", "inherit"],
        });
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}: ${out}`))));
      });
    const [a, b] = await Promise.all([worker(), worker()]);
    await sentOnce([...a, ...b]);
  });

  it.runIf(postgres)("two workers on one PostgreSQL database send each message once", async () => {
    app = await createTestApp({ backend: "postgresql" });
    await fortyPosts();
    const second = await app.openSecondStore();
    extra.push(second);
    const a = platform();
    const b = platform();
    const workerA = core(app.store, app.clock, a.chat, { outbox: { batchSize: 7 } }).services.outbox;
    const workerB = core(second, app.clock, b.chat, { outbox: { batchSize: 7 } }).services.outbox;
    await Promise.all([workerA.drain(), workerB.drain(), workerA.drain(), workerB.drain()]);
    await sentOnce([...a.sent, ...b.sent]);
  });
});
