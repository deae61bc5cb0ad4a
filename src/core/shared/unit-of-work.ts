import type { AuditLog } from "../audit/store.ts";
import type { DecisionStore } from "../decisions/store.ts";
import type { LawStore } from "../meetings/law.ts";
import type { DigestStore } from "../digest/store.ts";
import type { ElectionStore } from "../elections/store.ts";
import type { GroupStore } from "../groups/store.ts";
import type { MailStore } from "../mail/store.ts";
import type { MeetingStore } from "../meetings/store.ts";
import type { MinutesStore } from "../meetings/minutes-store.ts";
import type { OutboxStore } from "../outbox/store.ts";
import type { PeopleStore } from "../people/store.ts";
import type { ReminderStore } from "../reminders/store.ts";
import type { SectorStore } from "../sectors/store.ts";

/** Every store port, as seen inside one transaction. Each area adds its own port here. */
export interface Stores {
  readonly people: PeopleStore;
  readonly groups: GroupStore;
  readonly audit: AuditLog;
  readonly reminders: ReminderStore;
  readonly digest: DigestStore;
  readonly elections: ElectionStore;
  readonly meetings: MeetingStore;
  readonly minutes: MinutesStore;
  readonly sectors: SectorStore;
  /** A meeting's notice and its items' votes, disqualifications and dissents. */
  readonly law: LawStore;
  readonly decisions: DecisionStore;
  /** Posts owed because of a change: enqueue them in the change's own unit of work. */
  readonly outbox: OutboxStore;
  /** E-mail addresses, newsletter subscriptions, calendar tokens and entries. */
  readonly mail: MailStore;
}

export interface UnitOfWork {
  /**
   * Runs `work` in one transaction: all of its writes commit together, or none do when it throws
   * (a Refusal included). Reads outside a transaction use `read`.
   */
  run<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
  readonly read: Stores;
  /**
   * Removes what deleted rows leave in the database files, outside any transaction: SQLite zeroes
   * them as it deletes (secure_delete) and here checkpoints and truncates its -wal file;
   * PostgreSQL vacuums the tables that held sealed ballots. Called when an election closes.
   */
  purgeDeleted(): Promise<void>;
}
