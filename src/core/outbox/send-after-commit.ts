import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";

/**
 * A unit of work that, once a transaction that wrote to the outbox has committed, hands those
 * messages to `send` (the worker's kick), so a command's posts go out at once rather than on the
 * scheduler's next tick. What `send` does not manage stays in the outbox for the worker.
 */
export function sendingAfterCommit(uow: UnitOfWork, send: (ids: readonly string[]) => Promise<void>): UnitOfWork {
  return {
    read: uow.read,
    purgeDeleted: () => uow.purgeDeleted(),
    async run(work) {
      let written: string[] = [];
      const result = await uow.run((stores) => {
        // A busy SQLite runs the work again from the start: only the last attempt's ids committed.
        const mine: string[] = [];
        written = mine;
        return work(recordingEnqueues(stores, mine));
      });
      if (written.length > 0) await send(written);
      return result;
    },
  };
}

const recordingEnqueues = (stores: Stores, ids: string[]): Stores => ({
  ...stores,
  outbox: {
    ...stores.outbox,
    async enqueue(message, now) {
      const id = await stores.outbox.enqueue(message, now);
      ids.push(id);
      return id;
    },
  },
});
