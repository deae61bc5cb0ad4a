/**
 * Command overhead against the platform's floor: the real Slack adapter (Bolt, HTTP mode, signed
 * requests) answering `/council group list`, next to a bare Bolt app answering the same requests
 * with a fixed reply; and the real Discord adapter next to a bare discord.js client answering the
 * same interactions, from the interaction's dispatch to its first response callback. Same
 * process, same run, loopback harnesses (test/protocol/harness). Measured, never asserted.
 *
 *     npx tsx bench/chat-overhead.ts            (REQUESTS=2000 CONCURRENCY=10 by default)
 *     CHAT_BENCH_ONLY=slack|discord CHAT_BENCH_DB=sqlite|postgresql   to run a part
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { App as BoltApp, LogLevel } from "@slack/bolt";
import { Client, Events, GatewayIntentBits, MessageFlags } from "discord.js";
import { createDiscordAdapter } from "../adapters/discord/index.ts";
import { createSlackAdapter } from "../adapters/slack/index.ts";
import { createApp } from "../src/app.ts";
import type { Logger } from "../src/core/shared/logger.ts";
import { openStore, type Store } from "../src/store/open-store.ts";
import { FIXTURE_IDS, startFakeDiscord, type FakeDiscord } from "../test/protocol/harness/discord/index.ts";
import { sendSlashCommand, startSlackWebApi, type SlackWebApi } from "../test/protocol/harness/slack/index.ts";
import { postgresAvailable, tempPostgresSchema, testPostgresUrl } from "../test/support/postgres.ts";
import { tempDatabase } from "../test/support/temp-database.ts";

const requests = Number(process.env.REQUESTS ?? 2000);
const concurrency = Number(process.env.CONCURRENCY ?? 10);
const warmUp = Number(process.env.WARM_UP ?? 400);
const signingSecret = "council-bench-secret";
const groupCount = 8;

/** Errors are counted (a failed request is no fast answer); nothing else is logged. */
function quietLogger(): Logger & { errors: number } {
  const logger = {
    errors: 0,
    info() {},
    warn() {},
    error(fields: object, message: string) {
      if ((logger.errors += 1) <= 3) console.error(message, JSON.stringify(fields).slice(0, 600));
    },
  };
  return logger;
}

interface Run {
  readonly latencies: number[];
  readonly wallMs: number;
}

/** `total` calls of `one`, `concurrency` at a time; each resolves with its own latency in ms. */
async function load(total: number, one: (i: number) => Promise<number>): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      latencies.push(await one(i));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, wallMs: performance.now() - started };
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};

interface Figures {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

const figures = (run: Run): Figures => ({
  perSecond: (run.latencies.length / run.wallMs) * 1000,
  p50: quantile(run.latencies, 0.5),
  p99: quantile(run.latencies, 0.99),
});

const line = (name: string, f: Figures, bare?: Figures) =>
  `${name.padEnd(34)} ${Math.round(f.perSecond).toString().padStart(5)}/s   ack p50 ${f.p50.toFixed(1).padStart(5)} ms   p99 ${f.p99.toFixed(1).padStart(5)} ms` +
  (bare ? `   bare× p50 ${(f.p50 / bare.p50).toFixed(2)} p99 ${(f.p99 / bare.p99).toFixed(2)}` : "");

type Db = "sqlite" | "postgresql";

/** A store of `kind`, or null (with the reason printed) when PostgreSQL does not answer. */
async function benchStore(kind: Db): Promise<{ store: Store; remove(): Promise<void> } | null> {
  if (kind === "sqlite") {
    const db = tempDatabase();
    const store = await openStore(db.url);
    return { store, remove: async () => db.remove() };
  }
  if (!(await postgresAvailable())) return null;
  const schema = tempPostgresSchema();
  const store = await openStore(schema.url, { schema: schema.schema });
  return { store, remove: () => schema.remove() };
}

const databases = (): Db[] => {
  const only = process.env.CHAT_BENCH_DB;
  return only === "sqlite" || only === "postgresql" ? [only] : ["sqlite", "postgresql"];
};

// --- Slack ---------------------------------------------------------------------------------

/** Starts a Bolt HTTP server, whoever built it, and says where its events go. */
const eventsUrl = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

async function bareBolt(webApi: SlackWebApi): Promise<{ url: string; stop(): Promise<void> }> {
  const bolt = new BoltApp({ token: "xoxb-bench", signingSecret, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: webApi.url } });
  // The fixed reply is about the size of the council's own answer to `group list`.
  const blocks = [
    { type: "header", text: { type: "plain_text", text: `Työryhmät (${groupCount})` } },
    { type: "section", text: { type: "mrkdwn", text: Array.from({ length: groupCount }, (_, i) => `• Työryhmä ${i + 1}`).join("\n") } },
  ];
  bolt.command("/council", async ({ ack }) => {
    await ack({ response_type: "ephemeral", text: "Työryhmät", blocks });
  });
  const server = (await bolt.start({ port: 0, host: "127.0.0.1" })) as Server;
  return { url: eventsUrl(server), stop: async () => void (await bolt.stop()) };
}

async function councilSlack(webApi: SlackWebApi, store: Store, logger: Logger): Promise<{ url: string; stop(): Promise<void> }> {
  const adapter = createSlackAdapter({ botToken: "xoxb-bench", signingSecret, apiUrl: webApi.url, port: 0, host: "127.0.0.1", logger, defaultLocale: "fi" });
  const app = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki" }, store, chat: adapter.chat, logger, ballotSecret: randomBytes(32) });
  adapter.attach(app);
  await adapter.start();
  return { url: adapter.eventsUrl!, stop: () => adapter.stop() };
}

/** Signed `/council <line>` requests from ten people in turn. */
const slackOne =
  (webApi: SlackWebApi, url: string, line: string) =>
  async (i: number): Promise<number> => {
    const res = await sendSlashCommand({
      url,
      signingSecret,
      command: "/council",
      text: line,
      userId: `U0BENCH${i % 10}`,
      channelId: "C0GENERAL",
      responseUrl: webApi.responseUrl(`r${i}`),
    });
    if (res.status !== 200) throw new Error(`slack answered ${res.status}: ${res.text.slice(0, 200)}`);
    return res.elapsedMs;
  };

/** A contender: how it takes one request, and how it stops. */
interface Contender {
  readonly name: string;
  readonly one: (i: number) => Promise<number>;
  stop(): Promise<void>;
}

// Bare and council runs alternate in slices, so load from elsewhere on the machine falls on both alike.
const slice = 250;

// The contenders share this process: the heap is collected before each slice, so that each pays
// for its own garbage rather than the one after it.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Warms every contender up, then runs `requests` of each in alternating slices; the first is the bare one. */
async function race(contenders: readonly Contender[], out: string[]): Promise<void> {
  for (const c of contenders) await load(warmUp, c.one);
  const runs = contenders.map(() => ({ latencies: [] as number[], wallMs: 0 }));
  for (let done = 0; done < requests; done += slice) {
    for (const [k, c] of contenders.entries()) {
      collectGarbage();
      const part = await load(Math.min(slice, requests - done), (i) => c.one(done + i));
      runs[k]!.latencies.push(...part.latencies);
      runs[k]!.wallMs += part.wallMs;
    }
  }
  const bare = figures(runs[0]!);
  for (const [k, c] of contenders.entries()) out.push(line(c.name, figures(runs[k]!), k === 0 ? undefined : bare));
}

/** Council-bot on each database that answers; a line says which were skipped. */
async function councils(out: string[], start: (store: Store, logger: Logger, kind: Db) => Promise<Contender>): Promise<Contender[]> {
  const started: Contender[] = [];
  for (const kind of databases()) {
    const opened = await benchStore(kind);
    if (!opened) {
      out.push(`council-bot on ${kind}: skipped, ${testPostgresUrl} does not answer`);
      continue;
    }
    const logger = quietLogger();
    const council = await start(opened.store, logger, kind);
    started.push({
      name: council.name,
      one: council.one,
      async stop() {
        await council.stop();
        await opened.store.close();
        await opened.remove();
        if (logger.errors > 0) out.push(`  (${council.name}: ${logger.errors} errors logged)`);
      },
    });
  }
  return started;
}

async function slackSection(out: string[]): Promise<void> {
  const webApi = await startSlackWebApi();
  const contenders: Contender[] = [];
  try {
    const bare = await bareBolt(webApi);
    contenders.push({ name: "bare Bolt app, fixed reply", one: slackOne(webApi, bare.url, "group list"), stop: bare.stop });
    contenders.push(
      ...(await councils(out, async (store, logger, kind) => {
        const council = await councilSlack(webApi, store, logger);
        for (let g = 1; g <= groupCount; g++) await slackOne(webApi, council.url, `group create "Työryhmä ${g}"`)(0);
        return { name: `council-bot \`group list\`, ${kind}`, one: slackOne(webApi, council.url, "group list"), stop: council.stop };
      })),
    );
    await race(contenders, out);
  } finally {
    for (const c of contenders) await c.stop();
    await webApi.close();
  }
}

// --- Discord -------------------------------------------------------------------------------

/** Interaction to its first response callback, as the fake Discord receives it. */
function discordOne(fake: FakeDiscord, subcommand: string, options: Record<string, string> = {}): (i: number) => Promise<number> {
  const waiting = new Map<string, () => void>();
  fake.respondWith("POST", "/interactions/:id/:token/callback", (_call, params) => {
    waiting.get(params.id!)?.();
    return undefined;
  });
  return (i) => {
    const started = performance.now();
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`discord interaction ${i} got no callback`)), 10_000);
      const payload = fake.build.chatInput({ name: "council", group: "group", subcommand, options, userId: benchUser(i) });
      const id = String(payload.id);
      waiting.set(id, () => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(performance.now() - started);
      });
      fake.sendInteraction(payload);
    });
  };
}

const benchUser = (i: number) => (i % 10 === 0 ? FIXTURE_IDS.chairUser : FIXTURE_IDS.memberUser);

async function bareDiscord(): Promise<{ fake: FakeDiscord; stop(): Promise<void> }> {
  const fake = await startFakeDiscord();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  const embed = { title: `Työryhmät (${groupCount})`, description: Array.from({ length: groupCount }, (_, i) => `• Työryhmä ${i + 1}`).join("\n") };
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral });
  });
  const ready = once(client, Events.ClientReady);
  await client.login("bench-token");
  await ready;
  return {
    fake,
    async stop() {
      await client.destroy();
      await fake.close();
    },
  };
}

async function councilDiscord(store: Store, logger: Logger, stateFile: string): Promise<{ fake: FakeDiscord; stop(): Promise<void> }> {
  const fake = await startFakeDiscord();
  const adapter = createDiscordAdapter({ token: "bench-token", applicationId: FIXTURE_IDS.application, guildId: FIXTURE_IDS.guild, apiUrl: fake.apiUrl, logger, defaultLocale: "fi", stateFile });
  const app = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki" }, store, chat: adapter.chat, logger, ballotSecret: randomBytes(32) });
  adapter.attach(app);
  await adapter.start();
  return {
    fake,
    async stop() {
      await adapter.stop();
      await fake.close();
    },
  };
}

async function discordSection(out: string[]): Promise<void> {
  const contenders: Contender[] = [];
  try {
    const bare = await bareDiscord();
    contenders.push({ name: "bare discord.js client, fixed reply", one: discordOne(bare.fake, "list"), stop: bare.stop });
    contenders.push(
      ...(await councils(out, async (store, logger, kind) => {
        const state = tempDatabase();
        const council = await councilDiscord(store, logger, `${state.folder}/discord-commands.json`);
        for (let g = 1; g <= groupCount; g++) await discordOne(council.fake, "create", { name: `Työryhmä ${g}` })(0);
        return {
          name: `council-bot \`group list\`, ${kind}`,
          one: discordOne(council.fake, "list"),
          async stop() {
            await council.stop();
            state.remove();
          },
        };
      })),
    );
    await race(contenders, out);
  } finally {
    for (const c of contenders) await c.stop();
  }
}

export async function benchChatOverhead(): Promise<string[]> {
  const out = [`${requests} requests, ${concurrency} concurrent, after ${warmUp} to warm up; latency from send to the acknowledgement`];
  const only = process.env.CHAT_BENCH_ONLY;
  if (only !== "discord") {
    out.push("", "Slack (signed HTTP slash commands, loopback Web API):");
    await slackSection(out);
  }
  if (only !== "slack") {
    out.push("", "Discord (gateway interaction to first response callback):");
    await discordSection(out);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const l of await benchChatOverhead()) console.log(l);
  process.exit(0);
}
