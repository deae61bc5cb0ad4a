/**
 * Race-free waiting on recorded state: callers give a `check` that looks at what has already
 * been recorded; it is evaluated at once and again every time the recorder calls `notify()`, so
 * an event that happened before the wait started is never missed.
 */
interface Waiter {
  poll(): void;
  abort(reason: string): void;
}

export class Signal {
  private readonly waiters = new Set<Waiter>();

  notify(): void {
    for (const waiter of [...this.waiters]) waiter.poll();
  }

  wait<T>(check: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const found = check();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        this.waiters.delete(waiter);
        clearTimeout(timer);
      };
      const waiter: Waiter = {
        poll() {
          const value = check();
          if (value === undefined) return;
          finish();
          resolve(value);
        },
        abort(reason) {
          finish();
          reject(new Error(`${reason} while waiting for ${describe()}`));
        },
      };
      const timer = setTimeout(() => waiter.abort(`timed out after ${timeoutMs} ms`), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Fails every pending wait at once, so close() leaves no timer behind and no test hangs. */
  abortAll(reason: string): void {
    for (const waiter of [...this.waiters]) waiter.abort(reason);
  }
}
