import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Database, Statement } from "better-sqlite3";

/** The better-sqlite3 connection under Prisma's adapter, for what Prisma's API has no word for. */
export interface SqliteConnection {
  /**
   * SQLite's `data_version`: it changes when another connection (another bot process on the same
   * file) commits, never for this connection's own commits. Read straight from the driver: a
   * round through Prisma would cost as much as the query a cache saves.
   */
  dataVersion(): number;
  /** Statements run so far through Prisma: how many queries a command costs (bench, tests). */
  statementsRun(): number;
}

// Enough for every distinct statement the bot's queries compile to, with room to spare.
const cachedStatements = 500;

/**
 * Prisma's better-sqlite3 adapter prepares every statement again on every query (`prepare` was
 * ~5 % of a busy bot's CPU). The adapter's factory is wrapped so its connection's `prepare` keeps
 * the statements it made. The adapter calls `prepare(sql).bind(args)` and then runs the bound
 * statement once; better-sqlite3 binds a statement for good, so the cached statement is handed
 * out behind a facade that passes the arguments at each run instead.
 */
export function sqliteAdapter(config: { url: string; timeout: number }) {
  const inner = new PrismaBetterSQLite3(config);
  let database: Database | undefined;
  let dataVersion: Statement | undefined;
  const counter = { runs: 0 };
  const factory: Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb"> = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      // Not in the adapter's types, but its one connection, kept as `client` since adapter 6.x.
      database = (adapter as unknown as { client: Database }).client;
      dataVersion = database.prepare("PRAGMA data_version").pluck();
      cacheStatements(database, counter);
      return adapter;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
  const connection: SqliteConnection = {
    dataVersion() {
      return dataVersion ? Number(dataVersion.get()) : -1;
    },
    statementsRun: () => counter.runs,
  };
  return { factory: factory as PrismaBetterSQLite3, connection };
}

interface BoundOnce {
  readonly reader: boolean;
  run(): unknown;
  columns(): unknown;
  raw(): { all(): unknown[] };
}

function cacheStatements(database: Database, counter: { runs: number }): void {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, Statement>();
  const facade = (statement: Statement, args: unknown[]): BoundOnce => ({
    reader: statement.reader,
    run: () => statement.run(...args),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(...args) as unknown[] }),
  });
  (database as { prepare: unknown }).prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (statements.size >= cachedStatements) statements.delete(statements.keys().next().value!);
      statements.set(sql, statement);
    }
    const cached = statement;
    counter.runs += 1;
    return { ...facade(cached, []), bind: (args: unknown[]) => facade(cached, args) };
  };
}
