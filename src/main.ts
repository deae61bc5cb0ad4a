import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { consoleChat } from "../adapters/console/chat.ts";
import { createConsoleAdapter } from "../adapters/console/index.ts";
import { createApp, type PlatformAdapter } from "./app.ts";
import { loadBallotSecret } from "./ballot-secret.ts";
import { parseConfig, type Config } from "./config.ts";
import { keyFor, type BallotSecret } from "./core/elections/ballot-seal.ts";
import { systemClock } from "./core/shared/clock.ts";
import type { Logger } from "./core/shared/logger.ts";
import type { Locale } from "./i18n/locale.ts";
import { translate } from "./i18n/translate.ts";
import { loggedError } from "./core/shared/logged-error.ts";
import { connectPlatform, exitCodeOf } from "./platform-start.ts";
import { createLogger } from "./logger.ts";
import { createScheduler } from "./schedule/scheduler.ts";
import type { App } from "./app.ts";
import type { WebServer } from "../adapters/web/server.ts";
import { DatabaseUnavailable, openStore, type Store } from "./store/open-store.ts";

// Wiring: config -> store -> core -> adapter -> scheduler. Expected start-up failures print one
// clear message and exit non-zero; the platform is Slack or Discord when their credentials are
// set, else the console.
// Until the configuration is read: what an unexpected failure is logged with, and in which language it is told.
let fallback: { logger: Logger | null; locale: Locale } = { logger: null, locale: "fi" };

async function main(): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const config = parsed.config;
  const logger = createLogger(config.LOG_LEVEL);
  fallback = { logger, locale: config.DEFAULT_LOCALE };

  let store: Store;
  try {
    store = await openStore(config.DATABASE_URL);
  } catch (error) {
    if (!(error instanceof DatabaseUnavailable)) throw error;
    const text = translate(config.DEFAULT_LOCALE, "startup.database-unavailable", { path: error.location, reason: error.reason });
    process.stderr.write(`${text}\n`);
    return 1;
  }
  // The pragmas are read back (three queries) only for a log that shows them.
  if (logger.isLevelEnabled("info")) logger.info({ database: store.location, migrations: store.appliedMigrations, pragmas: await store.pragmas() }, "database ready");

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
interface Platform {
  readonly adapter: PlatformAdapter;
  readonly name: string;
  /** The platform's own name, for the start-up messages. */
  readonly label: "Slack" | "Discord";
  /** Where each credential and the API's address are configured, for the start-up messages. */
  readonly variables: { readonly "bot-token": string; readonly "app-token": string; readonly apiUrl: string };
}

async function platformFor(config: Config, logger: Logger): Promise<Platform | null> {
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
    return {
      adapter,
      label: "Slack",
      name: config.SLACK_APP_TOKEN ? "Slack (Socket Mode)" : `Slack (HTTP :${config.PORT}/slack/events)`,
      variables: { "bot-token": "SLACK_BOT_TOKEN", "app-token": "SLACK_APP_TOKEN", apiUrl: "SLACK_API_URL" },
    };
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
    return {
      adapter,
      label: "Discord",
      name: `Discord${config.DISCORD_GUILD_ID ? ` (${config.DISCORD_GUILD_ID})` : ""}`,
      variables: { "bot-token": "DISCORD_TOKEN", "app-token": "DISCORD_TOKEN", apiUrl: "DISCORD_API_URL" },
    };
  }
  return null;
}

/** A chat platform: runs until the process is asked to stop, then shuts down in order. */
async function runPlatform(platform: Platform, config: Config, store: Store, logger: Logger, ballotSecret: BallotSecret): Promise<number> {
  const checked = await connectPlatform(() => platform.adapter.verify(), {
    seconds: config.PLATFORM_CONNECT_SECONDS,
    onRetry: (failure, attempt, waitMs) => logger.warn({ source: "startup", platform: platform.name, code: failure.code, attempt, waitMs }, "platform not reachable yet, trying again"),
  });
  if (!checked.ok) {
    const label = platform.label;
    const line =
      checked.reason === "rejected"
        ? translate(config.DEFAULT_LOCALE, "startup.platform-rejected", { platform: label, code: checked.code, variable: platform.variables[checked.credential] })
        : translate(config.DEFAULT_LOCALE, "startup.platform-unreachable", { platform: label, code: checked.code, seconds: config.PLATFORM_CONNECT_SECONDS, variable: platform.variables.apiUrl });
    process.stderr.write(`${line}\n`);
    await store.close();
    return exitCodeOf(checked);
  }
  const mail = await mailFor(config);
  const app = createApp({ config, store, chat: platform.adapter.chat, logger, ballotSecret, ...mail.options });
  platform.adapter.attach(app);
  const web = await webFor(config, app, store, logger);
  mail.webStarted(web);
  if (web === "failed") {
    await store.close();
    return 1;
  }
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
  await web?.close();
  mail.close();
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
  const mail = await mailFor(config);
  const app = createApp({ config, store, chat, logger, ballotSecret, ...mail.options });
  // Scripts read stdout as a transcript; the hint goes where a person at a terminal sees it.
  (interactive ? process.stdout : process.stderr).write(
    `${translate(config.DEFAULT_LOCALE, "startup.console", { path: store.location })}\n`,
  );
  const web = await webFor(config, app, store, logger);
  if (web === "failed") {
    await store.close();
    return 1;
  }
  mail.webStarted(web);
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
  await web?.close();
  mail.close();
  await store.close();
  return 0;
}

/**
 * E-mail, when SMTP_URL is set (nodemailer is loaded only then), and the address links in mails
 * point at: PUBLIC_URL, else the web front end's own address once it listens.
 */
async function mailFor(config: Config) {
  let webUrl: string | null = null;
  const adapter = config.SMTP_URL && config.MAIL_FROM ? (await import("../adapters/mail/index.ts")).createMailAdapter({ url: config.SMTP_URL, from: config.MAIL_FROM, locale: config.DEFAULT_LOCALE }) : null;
  return {
    options: { ...(adapter ? { mail: adapter } : {}), publicUrl: () => config.PUBLIC_URL?.replace(/\/+$/, "") ?? webUrl },
    webStarted(web: WebServer | null | "failed") {
      if (web && web !== "failed") webUrl = web.url;
    },
    close: () => adapter?.close(),
  };
}

/**
 * The public pages and feeds, when WEB_PORT is set (the web front end is loaded only then). A port
 * already taken is told in one line, like every other start-up failure.
 */
async function webFor(config: Config, app: App, store: Store, logger: Logger): Promise<WebServer | null | "failed"> {
  if (config.WEB_PORT === undefined) return null;
  const { startWeb } = await import("../adapters/web/server.ts");
  const port = config.WEB_PORT;
  const host = config.WEB_HOST;
  try {
    const web = await startWeb({ app, logger, port, host, databaseReady: () => store.ping(), defaultLocale: config.DEFAULT_LOCALE, timeZone: config.TIMEZONE, ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}) });
    process.stderr.write(`${translate(config.DEFAULT_LOCALE, "startup.web", { url: config.PUBLIC_URL ?? web.url })}\n`);
    return web;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    process.stderr.write(`${translate(config.DEFAULT_LOCALE, "startup.web-failed", { host, port, code })}\n`);
    return "failed";
  }
}

/**
 * An unexpected failure: the log gets its details under a reference, the operator one line with
 * that reference, never a stack trace. A stray rejection while the bot runs (an SDK's promise no
 * one awaited) is logged and the bot keeps serving; one that ends start-up exits with 1.
 */
function unexpected(error: unknown, message: string): void {
  const reference = randomBytes(4).toString("hex");
  fallback.logger?.error({ reference, err: loggedError(error, { message: true }) }, message);
  process.stderr.write(`${translate(fallback.locale, "startup.unexpected", { reference })}\n`);
}

process.on("unhandledRejection", (reason) => {
  if (!fallback.logger) return unexpected(reason, "unhandled rejection");
  fallback.logger.error({ reference: randomBytes(4).toString("hex"), err: loggedError(reason, { message: true }) }, "unhandled rejection");
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    unexpected(error, "start-up failed");
    process.exitCode = 1;
  },
);
