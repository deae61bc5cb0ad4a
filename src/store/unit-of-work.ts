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

export function prismaUnitOfWork(client: Db): UnitOfWork {
  return {
    read: storesOver(client),
    run: (work) => client.$transaction((tx) => work(storesOver(tx)), { timeout: 15_000, maxWait: 15_000 }),
  };
}
