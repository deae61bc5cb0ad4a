import pg from "pg";
import type { ChangedElsewhere } from "./read-cache.ts";

/**
 * How a bot process hears that another one wrote to the same PostgreSQL database: every write
 * transaction ends with a NOTIFY on a channel named for the schema, which PostgreSQL delivers to
 * the listeners when (and only when) the transaction commits. A process's read cache forgets
 * everything on the next look-up after one arrives.
 *
 * A notification takes a moment to arrive: a command that starts in another process within that
 * moment after the commit may still see the person or group as it was (never a role: those are
 * not cached). While the listening connection is down, nothing is trusted (every look-up reads
 * the database) and it is opened again; it starts by forgetting, since notifications may have been
 * missed in between.
 */
export interface PostgresChanges {
  readonly channel: string;
  readonly changedElsewhere: ChangedElsewhere;
  close(): Promise<void>;
}

const reconnectMs = 1_000;

export async function listenForChanges(connectionString: string, schema: string | undefined): Promise<PostgresChanges> {
  const channel = `council_changes_${schema ?? "public"}`.slice(0, 63);
  let listening = false;
  let changed = true;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  // Once per connection: its error, its end and a failed LISTEN may all report the same loss.
  const lost = (which: pg.Client) => {
    if (which !== client) return;
    listening = false;
    which.removeAllListeners();
    which.on("error", () => undefined);
    void which.end().catch(() => undefined);
    client = undefined;
    if (!closed) retry = setTimeout(() => void open(), reconnectMs).unref();
  };

  async function open(): Promise<void> {
    const next = new pg.Client({ connectionString });
    next.on("notification", () => {
      changed = true;
    });
    next.on("error", () => lost(next));
    next.on("end", () => lost(next));
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      changed = true;
      listening = true;
    } catch {
      lost(next);
    }
  }

  await open();
  return {
    channel,
    changedElsewhere() {
      if (!listening) return true;
      const was = changed;
      changed = false;
      return was;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      listening = false;
      const last = client;
      client = undefined;
      last?.removeAllListeners();
      last?.on("error", () => undefined);
      await last?.end().catch(() => undefined);
    },
  };
}
