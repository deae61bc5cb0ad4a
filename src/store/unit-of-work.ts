import type { Stores, UnitOfWork } from "../core/shared/unit-of-work.ts";
import { auditLog } from "./audit-log.ts";
import { digestStore } from "./digest-store.ts";
import { electionStore } from "./election-store.ts";
import { reminderStore } from "./reminder-store.ts";
import { groupStore } from "./group-store.ts";
import { meetingStore } from "./meeting-store.ts";
import { peopleStore } from "./people-store.ts";
import type { Db, DbTx } from "./prisma-client.ts";

/** Every repository over one client or one transaction. Each area adds its repository here. */
export const storesOver = (db: DbTx): Stores => ({
  people: peopleStore(db),
  groups: groupStore(db),
  audit: auditLog(db),
  reminders: reminderStore(db),
  digest: digestStore(db),
  elections: electionStore(db),
  meetings: meetingStore(db),
});

export function prismaUnitOfWork(client: Db, kind: "sqlite" | "postgresql"): UnitOfWork {
  return {
    read: storesOver(client),
    run: (work) => client.$transaction((tx) => work(storesOver(tx)), { timeout: 15_000, maxWait: 15_000 }),
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

/** Dead tuples keep a deleted row's bytes and its xmin until VACUUM removes them. */
async function vacuumSealedBallots(client: Db): Promise<void> {
  await client.$executeRawUnsafe('VACUUM "SealedBallot", "ElectionSeal"');
}
