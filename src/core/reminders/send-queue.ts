import { isRateLimited } from "../shared/chat-errors.ts";

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SendQueueOptions {
  readonly sleep?: Sleep;
  /** Other failures are tried this many times in all before the send is given up (for now). */
  readonly attempts?: number;
  /** Wait between those tries, doubled each time. */
  readonly backoffMs?: number;
  /** Rate-limit waits allowed for one send before it counts as failed (a safety stop, not a drop). */
  readonly maxRateLimitWaits?: number;
}

/**
 * Sends one at a time per key (a channel, or a person for direct messages), so a platform's
 * per-channel rate limit is met by waiting, in order, instead of by losing messages.
 */
export class SendQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly sleep: Sleep;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxRateLimitWaits: number;

  constructor(options: SendQueueOptions = {}) {
    this.sleep = options.sleep ?? realSleep;
    this.attempts = options.attempts ?? 3;
    this.backoffMs = options.backoffMs ?? 200;
    this.maxRateLimitWaits = options.maxRateLimitWaits ?? 50;
  }

  /** Resolves when `send` succeeded; rejects with the last error once the tries are used up. */
  send(key: string, send: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.attempt(send));
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  private async attempt(send: () => Promise<void>): Promise<void> {
    let failures = 0;
    let waits = 0;
    for (;;) {
      try {
        await send();
        return;
      } catch (error) {
        if (isRateLimited(error) && waits < this.maxRateLimitWaits) {
          waits += 1;
          await this.sleep(Math.max(0, error.retryAfterMs));
          continue;
        }
        failures += 1;
        if (failures >= this.attempts || isRateLimited(error)) throw error;
        await this.sleep(this.backoffMs * 2 ** (failures - 1));
      }
    }
  }
}
