import { PrismaClient } from "../generated/prisma/client.ts";
import { sqliteAdapter, type SqliteConnection } from "./sqlite-connection.ts";

export type Db = PrismaClient;
/** What repositories receive: the client itself or the client inside a transaction. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export const busyTimeoutMs = 10_000;

/** A client on one SQLite file, with the pragmas a bot that must not lose votes needs. */
export async function openSqliteClient(path: string): Promise<{ client: Db; connection: SqliteConnection }> {
  const { factory, connection } = sqliteAdapter({ url: `file:${path}`, timeout: busyTimeoutMs });
  const client = new PrismaClient({ adapter: factory });
  // The adapter keeps one connection, so per-connection pragmas set here hold for its lifetime.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  await client.$queryRawUnsafe(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
  // Deleted content (a closed election's sealed ballots and key) is overwritten with zeros, not
  // left in free space for a copy of the file to show.
  await client.$queryRawUnsafe("PRAGMA secure_delete = ON");
  // A bot stopped between an election's close and its checkpoint leaves the old pages in the
  // -wal file; they go now.
  await client.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  return { client, connection };
}

export interface SqlitePragmas {
  readonly journalMode: string;
  readonly foreignKeys: boolean;
  readonly busyTimeoutMs: number;
}

/** Reads the pragmas back, so a test (and the start-up log) can show they are really in effect. */
export async function readPragmas(client: Db): Promise<SqlitePragmas> {
  const [journal] = await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  const [keys] = await client.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
  const [busy] = await client.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
  return {
    journalMode: String(journal?.journal_mode),
    foreignKeys: Number(keys?.foreign_keys) === 1,
    busyTimeoutMs: Number(busy?.timeout),
  };
}
