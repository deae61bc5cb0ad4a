import type { App, PlatformAdapter } from "../../../src/app.ts";
import { createApp } from "../../../src/app.ts";
import { systemClock } from "../../../src/core/shared/clock.ts";
import type { Logger } from "../../../src/core/shared/logger.ts";
import { createScheduler } from "../../../src/schedule/scheduler.ts";
import { openStore } from "../../../src/store/open-store.ts";
import { testBallotSecret } from "../../support/ballot-secret.ts";

export interface Bot {
  readonly app: App;
  /** Stops in main.ts's order: the scheduler, the platform, then the database. */
  stop(): Promise<void>;
}

/**
 * One bot process as src/main.ts runs it around a platform: the real core on the SQLite file, the
 * platform attached and started, then the scheduler. Every driver starts (and restarts) its bot
 * here, so what a process does at start-up happens on each platform alike. The console passes only
 * its chat port: its adapter reads the app's dispatcher and is run by its driver.
 */
export async function startBot(databaseUrl: string, logger: Logger, platform: Pick<PlatformAdapter, "chat"> & Partial<PlatformAdapter>): Promise<Bot> {
  const store = await openStore(databaseUrl);
  const app = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki" }, store, chat: platform.chat, logger, ballotSecret: testBallotSecret });
  platform.attach?.(app);
  await platform.start?.();
  const scheduler = createScheduler({ services: app.services, clock: systemClock, logger });
  await scheduler.start();
  return {
    app,
    async stop() {
      await scheduler.stop();
      await platform.stop?.();
      await store.close();
    },
  };
}

/** A logger that keeps what the bot logged as errors, for the scenarios to check none were. */
export function errorLog(): { logger: Logger; take(): unknown[] } {
  const errors: unknown[] = [];
  return { logger: { info() {}, warn() {}, error: (fields: object) => void errors.push(fields) }, take: () => errors.splice(0) };
}
