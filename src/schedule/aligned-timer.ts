/**
 * Calls `wake` at every multiple of `periodMs` on the wall clock (every full minute for 60 s).
 *
 * Replaces node-cron, which missed ticks under load: its timer, fired late by an event loop busy
 * with commands, checked whether the late second still matched its pattern (`0 * * * * *` no
 * longer does at :01), skipped the run when not, and printed "missed execution" on the console
 * past our logger. Here a late wake-up still runs, once however many periods it slept through,
 * and the next one is aligned to the clock again.
 */
export function alignedTimer(periodMs: number, wake: () => void): { stop(): void } {
  const boundaryAfter = (time: number) => (Math.floor(time / periodMs) + 1) * periodMs;
  let target = boundaryAfter(Date.now());
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = () => {
    timer = setTimeout(fire, Math.max(0, target - Date.now()));
  };
  const fire = () => {
    if (stopped) return;
    // From the later of now and the boundary aimed at: a timer a millisecond early does not wake twice.
    target = boundaryAfter(Math.max(Date.now(), target));
    arm();
    wake();
  };
  arm();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
