import type { Stores, UnitOfWork } from "../core/shared/unit-of-work.ts";
import { auditLog } from "./audit-log.ts";
import { decisionStore } from "./decision-store.ts";
import { digestStore } from "./digest-store.ts";
import { lawStore } from "./law-store.ts";
import { electionStore } from "./election-store.ts";
import { reminderStore } from "./reminder-store.ts";
import { groupStore } from "./group-store.ts";
import { mailStore } from "./mail-store.ts";
import { meetingStore } from "./meeting-store.ts";
import { minutesStore } from "./minutes-store.ts";
import { outboxStore, type TransactionContext } from "./outbox-store.ts";
import { peopleStore } from "./people-store.ts";
import { cachedGroups, cachedPeople, ReadCache, type ChangedElsewhere } from "./read-cache.ts";
import { sectorStore } from "./sector-store.ts";
import type { Db, DbTx } from "./prisma-client.ts";

/** Every repository over one client or one transaction. Each area adds its repository here. */
export const storesOver = (db: DbTx, context: TransactionContext = { lastAuditEventId: null }): Stores => ({
  people: peopleStore(db),
  groups: groupStore(db),
  audit: auditLog(db, context),
  reminders: reminderStore(db),
  digest: digestStore(db),
  elections: electionStore(db),
  meetings: meetingStore(db),
  minutes: minutesStore(db),
  sectors: sectorStore(db),
  law: lawStore(db),
  decisions: decisionStore(db),
  outbox: outboxStore(db, context),
  mail: mailStore(db),
});

/**
 * How long a unit of work may wait for the connection. SQLite's adapter runs one transaction at a
 * time, so a burst (300 voters at once) queues; a command waits its turn rather than failing.
 */
const transactionQueueMs = 60_000;

/** How the read cache learns of other processes' writes, and (PostgreSQL) where to announce ours. */
export interface Changes {
  readonly changedElsewhere: ChangedElsewhere;
  readonly channel?: string;
}

/**
 * Reads outside a transaction find people and groups through a ReadCache; inside one they read
 * fresh. `changedElsewhere` tells when another process may have written; a unit of work of this
 * process makes the cache forget when it ends, committed or not, since reads outside it may have
 * seen its rows before the end (SQLite: the same connection).
 */
export function prismaUnitOfWork(client: Db, kind: "sqlite" | "postgresql", changes: Changes = { changedElsewhere: () => true }): UnitOfWork {
  const cache = new ReadCache(changes.changedElsewhere);
  const { channel } = changes;
  const transaction = async <T>(work: (stores: Stores) => Promise<T>) => {
    try {
      return await client.$transaction(
        async (tx) => {
          const done = await work(storesOver(tx));
          // Delivered to the other processes' caches only if this commits (postgres-changes.ts).
          if (channel) await tx.$executeRaw`SELECT pg_notify(${channel}, '')`;
          return done;
        },
        { timeout: 15_000, maxWait: transactionQueueMs },
      );
    } finally {
      cache.forget();
    }
  };
  const read = storesOver(client);
  return {
    read: { ...read, people: cachedPeople(read.people, cache), groups: cachedGroups(read.groups, cache) },
    run: kind === "sqlite" ? (work) => retriedWhenBusy(() => transaction(work)) : transaction,
    purgeDeleted: () => (kind === "sqlite" ? checkpointAndTruncate(client) : vacuumSealedBallots(client)),
  };
}

/**
 * Deleted rows are zeroed in the pages as they are deleted (secure_delete, set per connection),
 * but the -wal file still holds the pages as they were: a full checkpoint copies what is current
 * into the main file and truncates the -wal to nothing. A reader holding an old snapshot can keep
 * the checkpoint from finishing; start-up checkpoints again.
 */
export async function checkpointAndTruncate(client: Db): Promise<void> {
  await client.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
}

/**
 * Dead tuples keep a deleted row's bytes and its xmin until VACUUM removes them. VACUUM cannot
 * remove what a transaction open elsewhere in the database may still see, and says so in the
 * table's statistics: then it is run again a little later, for a few seconds at most; what is left
 * after that goes at the next autovacuum, and holds only ciphertext and a salt that open nothing
 * without the bot's secret.
 */
async function vacuumSealedBallots(client: Db): Promise<void> {
  for (let attempt = 0; attempt < 12; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    await client.$executeRawUnsafe('VACUUM "SealedBallot", "ElectionSeal"');
    await client.$executeRawUnsafe("SELECT pg_stat_clear_snapshot()");
    const [left] = await client.$queryRawUnsafe<{ dead: bigint | number | null }[]>(
      `SELECT sum(n_dead_tup) AS dead FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname IN ('SealedBallot', 'ElectionSeal')`,
    );
    if (Number(left?.dead ?? 0) === 0) return;
  }
}

/** How often a unit of work is tried again when another process holds SQLite's write lock. */
export const busyAttempts = 12;

/**
 * SQLite lets one connection write at a time. Prisma opens its transactions deferred, so of two bot
 * processes on one file, the one that read first and writes second is refused at once
 * (SQLITE_BUSY_SNAPSHOT: its snapshot is stale; waiting cannot help). The transaction rolled back
 * whole, so running the unit of work again from the start is safe: a voter's ballot is then stored
 * instead of getting an error. The pause grows and is jittered, so the processes do not collide again.
 */
async function retriedWhenBusy<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= busyAttempts || !isBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** Math.min(tries, 6)));
    }
  }
}

/**
 * SQLite's "busy" reaches us in more than one shape: as Prisma's own code (SQLITE_BUSY_SNAPSHOT),
 * or as a timeout (P1008) whose driver error names SQLITE_BUSY.
 */
const isBusy = (error: unknown): boolean => {
  const found = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  const codes = [found?.code, found?.meta?.driverAdapterError?.cause?.originalCode].map((code) => String(code ?? ""));
  return codes.some((code) => code.startsWith("SQLITE_BUSY"));
};
