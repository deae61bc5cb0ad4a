/** The bench's simulated window: from Monday 7.12.2026 9:00 in Helsinki, 30 minutes. */
export const benchStart = new Date("2026-12-07T07:00:00Z");
export const benchWindowMs = 30 * 60_000;

/** What the scheduler's process reports. */
export interface TickReport {
  readonly posts: number;
  readonly tickMs: number[];
  readonly idleMs: number[];
  readonly baseRss: number;
  readonly maxRss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
}
