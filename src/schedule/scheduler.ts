import type { Services } from "../core/services.ts";
import type { Clock } from "../core/shared/clock.ts";
import type { Logger } from "../core/shared/logger.ts";
import { loggedError } from "../core/shared/logged-error.ts";
import { alignedTimer } from "./aligned-timer.ts";

export interface SchedulerConfig {
  readonly services: Pick<Services, "reminderDispatch" | "digest" | "outbox" | "outboxSends" | "decisions" | "platformEvents">;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Seconds between ticks (default 60). */
  readonly tickSeconds?: number;
}

export interface Scheduler {
  /**
   * One pass: what has come due by the clock's now is sent. Never throws. Asked for while a pass
   * runs, it runs one more pass after that one (all callers meanwhile share it), so what came due
   * during a long pass is not left waiting for the next tick.
   */
  tick(): Promise<void>;
  /** Runs a catch-up tick at once, then one every tickSeconds. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The thin scheduled job: a timer aligned to the clock only decides *when* to look; what is due, and who sends it,
 * is the core's (the outbox's drain, sendDueReminders, publishDueDigests) and the database's (claimed
 * occurrences, leased outbox messages).
 */
export function createScheduler(config: SchedulerConfig): Scheduler {
  const seconds = config.tickSeconds ?? 60;
  let running: Promise<void> | null = null;
  let again: Promise<void> | null = null;
  let timer: { stop(): void } | null = null;

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
    if (running) {
      again ??= running.then(() => {
        again = null;
        return tick();
      });
      return again;
    }
    running = pass().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    tick,
    async start() {
      await tick();
      timer = alignedTimer(seconds * 1000, () => void tick());
    },
    async stop() {
      timer?.stop();
      timer = null;
      await running;
      await again;
      // A send cut off between the platform and the database would be sent again after the lease.
      await config.services.outbox.stop();
    },
  };
}
