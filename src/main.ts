import { existsSync } from "node:fs";
import { consoleChat } from "../adapters/console/chat.ts";
import { createConsoleAdapter } from "../adapters/console/index.ts";
import { createApp } from "./app.ts";
import { parseConfig } from "./config.ts";
import { translate } from "./i18n/translate.ts";
import { createLogger } from "./logger.ts";
import { systemClock } from "./core/shared/clock.ts";
import { createScheduler } from "./schedule/scheduler.ts";
import { DatabaseUnavailable, openStore } from "./store/open-store.ts";

// Wiring: config -> store -> core -> adapter. Expected start-up failures print one clear message.
async function main(): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const config = parsed.config;
  const logger = createLogger(config.LOG_LEVEL);

  let store;
  try {
    store = await openStore(config.DATABASE_URL);
  } catch (error) {
    if (!(error instanceof DatabaseUnavailable)) throw error;
    const text = translate(config.DEFAULT_LOCALE, "startup.database-unavailable", { path: error.location, reason: error.reason });
    process.stderr.write(`${text}\n`);
    return 1;
  }
  logger.info({ database: store.location, migrations: store.appliedMigrations, pragmas: await store.pragmas() }, "database ready");

  const interactive = process.stdin.isTTY === true;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const chat = consoleChat(say, {
    channel: (id) => translate(config.DEFAULT_LOCALE, "console.posted-to", { channel: id }),
    direct: (id) => translate(config.DEFAULT_LOCALE, "console.direct-to", { name: id.replace(/^console:/, "") }),
  });
  const app = createApp({ config, store, chat, logger });
  // Scripts read stdout as a transcript; the hint goes where a person at a terminal sees it.
  (interactive ? process.stdout : process.stderr).write(
    `${translate(config.DEFAULT_LOCALE, "startup.console", { path: store.location })}\n`,
  );
  // Reminders that fell due while the bot was down go out now (marked late), then on every tick.
  const scheduler = createScheduler({ services: app.services, clock: systemClock, logger, tickSeconds: config.SCHEDULER_TICK_SECONDS });
  await scheduler.start();
  const adapter = createConsoleAdapter({
    dispatcher: app.dispatcher,
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
