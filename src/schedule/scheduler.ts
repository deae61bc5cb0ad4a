import cron from "node-cron";
import type { Services } from "../core/services.ts";
import type { Clock } from "../core/shared/clock.ts";
import type { Logger } from "../core/shared/logger.ts";
import { loggedError } from "../core/shared/logged-error.ts";

export interface SchedulerConfig {
  readonly services: Pick<Services, "reminderDispatch" | "digest" | "outbox" | "outboxSends" | "decisions" | "platformEvents">;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Seconds between ticks (default 60). */
  readonly tickSeconds?: number;
}

export interface Scheduler {
  /** One pass: what has come due by the clock's now is sent. Never throws; overlapping calls share one pass. */
  tick(): Promise<void>;
  /** Runs a catch-up tick at once, then one every tickSeconds. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The thin scheduled job: node-cron only decides *when* to look; what is due, and who sends it,
 * is the core's (the outbox's drain, sendDueReminders, publishDueDigests) and the database's (claimed
 * occurrences, leased outbox messages).
 */
export function createScheduler(config: SchedulerConfig): Scheduler {
  const seconds = config.tickSeconds ?? 60;
  const expression = seconds < 60 ? `*/${seconds} * * * * *` : `0 */${Math.max(1, Math.round(seconds / 60))} * * * *`;
  let running: Promise<void> | null = null;
  let task: cron.ScheduledTask | null = null;

  const pass = async (): Promise<void> => {
    const now = config.clock.now();
    // First what the outbox still holds (posts a crash or a failed send left), each step on its own,
    // so a failing one does not keep the others from running.
    if (config.services.outboxSends) {
      try {
        const drained = await config.services.outbox.drain();
        if (drained.sent + drained.retrying + drained.failed > 0) config.logger.info({ ...drained }, "outbox tick");
      } catch (error) {
        config.logger.error({ err: loggedError(error) }, "outbox drain failed");
      }
    }
    try {
      const result = await config.services.reminderDispatch.sendDueReminders(now);
      if (result.sent + result.skipped + result.failed + result.retrying > 0) config.logger.info({ ...result }, "reminders tick");
      await config.services.digest.publishDueDigests(now);
    } catch (error) {
      config.logger.error({ err: loggedError(error) }, "scheduler tick failed");
    }
    // Apart, so that a failing reminder pass does not keep a decision from closing at its deadline.
    try {
      await config.services.decisions.closeDue(now);
    } catch (error) {
      config.logger.error({ err: loggedError(error) }, "closing due decisions failed");
    }
    // Meetings' platform events a crash or a refusal left behind (syncDue never throws).
    await config.services.platformEvents.syncDue(now);
  };

  const tick = (): Promise<void> => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    tick,
    async start() {
      await tick();
      task = cron.schedule(expression, () => tick(), { name: "council-reminders", noOverlap: true });
    },
    async stop() {
      await task?.stop();
      await task?.destroy();
      task = null;
      await running;
      // A send cut off between the platform and the database would be sent again after the lease.
      await config.services.outbox.stop();
    },
  };
}
