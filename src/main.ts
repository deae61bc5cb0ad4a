import { existsSync } from "node:fs";
import { consoleChat } from "../adapters/console/chat.ts";
import { createConsoleAdapter } from "../adapters/console/index.ts";
import { createApp, type PlatformAdapter } from "./app.ts";
import { loadBallotSecret } from "./ballot-secret.ts";
import { parseConfig, type Config } from "./config.ts";
import { keyFor, type BallotSecret } from "./core/elections/ballot-seal.ts";
import { systemClock } from "./core/shared/clock.ts";
import type { Logger } from "./core/shared/logger.ts";
import { translate } from "./i18n/translate.ts";
import { createLogger } from "./logger.ts";
import { createScheduler } from "./schedule/scheduler.ts";
import { DatabaseUnavailable, openStore, type Store } from "./store/open-store.ts";

// Wiring: config -> store -> core -> adapter -> scheduler. Expected start-up failures print one
// clear message and exit non-zero; the platform is Slack or Discord when their credentials are
// set, else the console.
async function main(): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const config = parsed.config;
  const logger = createLogger(config.LOG_LEVEL);

  let store: Store;
  try {
    store = await openStore(config.DATABASE_URL);
  } catch (error) {
    if (!(error instanceof DatabaseUnavailable)) throw error;
    const text = translate(config.DEFAULT_LOCALE, "startup.database-unavailable", { path: error.location, reason: error.reason });
    process.stderr.write(`${text}\n`);
    return 1;
  }
  logger.info({ database: store.location, migrations: store.appliedMigrations, pragmas: await store.pragmas() }, "database ready");

  const ballotSecret = await readyBallotSecret(config, store);
  if (!ballotSecret) return 2;

  const platform = await platformFor(config, logger);
  return platform ? runPlatform(platform, config, store, logger, ballotSecret) : runConsole(config, store, logger, ballotSecret);
}

/**
 * The ballot secret, and proof that it opens the ballots of every election whose voting is open:
 * with another secret (a lost or replaced key file) those ballots could not be counted, so the bot
 * stops and says which key it expected instead of sealing new ballots under the wrong one.
 */
async function readyBallotSecret(config: Config, store: Store): Promise<BallotSecret | null> {
  const loaded = loadBallotSecret(config);
  if (!loaded.ok) {
    const key = loaded.reason === "too-short" ? "startup.ballot-secret-too-short" : "startup.ballot-key-unreadable";
    process.stderr.write(`${translate(config.DEFAULT_LOCALE, key, { source: loaded.source, reason: loaded.detail ?? "" })}\n`);
    return null;
  }
  const unopenable = (await store.uow.read.elections.seals()).filter(({ electionId, record }) => keyFor(loaded.secret, electionId, record) === null);
  if (unopenable.length > 0) {
    const elections = unopenable.map((s) => s.electionId).join(", ");
    process.stderr.write(`${translate(config.DEFAULT_LOCALE, "startup.ballot-key-mismatch", { source: loaded.source, elections })}\n`);
    return null;
  }
  return loaded.secret;
}

// Each platform's SDK is imported only when its credentials are set (discord.js alone is ~20 MB
// resident), so a bot carries only the one it runs.
async function platformFor(config: Config, logger: Logger): Promise<{ adapter: PlatformAdapter; name: string } | null> {
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import("../adapters/slack/index.ts");
    const adapter = createSlackAdapter({
      botToken: config.SLACK_BOT_TOKEN,
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      port: config.PORT,
      logger,
      defaultLocale: config.DEFAULT_LOCALE,
      timeZone: config.TIMEZONE,
    });
    return { adapter, name: config.SLACK_APP_TOKEN ? "Slack (Socket Mode)" : `Slack (HTTP :${config.PORT}/slack/events)` };
  }
  if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
    const { createDiscordAdapter } = await import("../adapters/discord/index.ts");
    const adapter = createDiscordAdapter({
      token: config.DISCORD_TOKEN,
      applicationId: config.DISCORD_APPLICATION_ID,
      ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      logger,
      defaultLocale: config.DEFAULT_LOCALE,
    });
    return { adapter, name: `Discord${config.DISCORD_GUILD_ID ? ` (${config.DISCORD_GUILD_ID})` : ""}` };
  }
  return null;
}

/** A chat platform: runs until the process is asked to stop, then shuts down in order. */
async function runPlatform(
  platform: { adapter: PlatformAdapter; name: string },
  config: Config,
  store: Store,
  logger: Logger,
  ballotSecret: BallotSecret,
): Promise<number> {
  const app = createApp({ config, store, chat: platform.adapter.chat, logger, ballotSecret });
  platform.adapter.attach(app);
  const scheduler = createScheduler({ services: app.services, clock: systemClock, logger, tickSeconds: config.SCHEDULER_TICK_SECONDS });
  await platform.adapter.start();
  // Reminders that fell due while the bot was down go out now (marked late), then on every tick.
  await scheduler.start();
  process.stderr.write(`${translate(config.DEFAULT_LOCALE, "startup.platform", { platform: platform.name, path: store.location })}\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await scheduler.stop();
  await platform.adapter.stop();
  await store.close();
  return 0;
}

async function runConsole(config: Config, store: Store, logger: Logger, ballotSecret: BallotSecret): Promise<number> {
  const interactive = process.stdin.isTTY === true;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const chat = consoleChat(say, {
    channel: (id) => translate(config.DEFAULT_LOCALE, "console.posted-to", { channel: id }),
    direct: (id) => translate(config.DEFAULT_LOCALE, "console.direct-to", { name: id.replace(/^console:/, "") }),
  });
  const app = createApp({ config, store, chat, logger, ballotSecret });
  // Scripts read stdout as a transcript; the hint goes where a person at a terminal sees it.
  (interactive ? process.stdout : process.stderr).write(
    `${translate(config.DEFAULT_LOCALE, "startup.console", { path: store.location })}\n`,
  );
  const scheduler = createScheduler({ services: app.services, clock: systemClock, logger, tickSeconds: config.SCHEDULER_TICK_SECONDS });
  await scheduler.start();
  const adapter = createConsoleAdapter({
    dispatcher: app.dispatcher,
    controls: app.controls,
    input: process.stdin,
    output: process.stdout,
    interactive,
    user: config.CONSOLE_USER,
    admins: config.CONSOLE_ADMINS,
  });
  await adapter.run();
  await scheduler.stop();
  await store.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`council-bot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
