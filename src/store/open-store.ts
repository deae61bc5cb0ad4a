import { accessSync, constants, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { UnitOfWork } from "../core/shared/unit-of-work.ts";
import type { ControlTokenStore } from "../render/controls.ts";
import { controlTokenStore } from "./control-token-store.ts";
import { migrateSqlite } from "./migrate-sqlite.ts";
import { openSqliteClient, readPragmas, type Db, type SqlitePragmas } from "./prisma-client.ts";
import { prismaUnitOfWork, type Changes } from "./unit-of-work.ts";

export interface Store {
  readonly uow: UnitOfWork;
  /** The calls of buttons too long for a platform's ids (src/render/controls.ts). */
  readonly controlTokens: ControlTokenStore;
  readonly kind: "sqlite" | "postgresql";
  /** The file (SQLite) or the server and database (PostgreSQL, without credentials). */
  readonly location: string;
  readonly appliedMigrations: readonly string[];
  /** SQLite's connection settings read back; null on PostgreSQL. */
  pragmas(): Promise<SqlitePragmas | null>;
  /** Statements run so far (SQLite; null on PostgreSQL): what a command costs in queries. */
  statementsRun(): number | null;
  /** Resolves when the database answers a trivial query (the web front end's health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The database cannot be opened or written: start-up names where it is and stops. */
export class DatabaseUnavailable extends Error {
  constructor(
    readonly location: string,
    readonly reason: string,
  ) {
    super(`database ${location} unavailable: ${reason}`);
    this.name = "DatabaseUnavailable";
  }
}

/** `file:./data/council.db` -> an absolute path, relative ones taken from the working directory. */
export const sqlitePath = (databaseUrl: string): string => resolve(databaseUrl.replace(/^file:/, ""));

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** Where a PostgreSQL URL points, with any password left out (it ends up in messages and logs). */
export const postgresLocation = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
};

/**
 * Opens the database named by DATABASE_URL (a SQLite file, created if missing, or PostgreSQL),
 * brings its schema up to date and connects. `schema` puts PostgreSQL tables in their own schema
 * (tests use one each).
 */
export async function openStore(databaseUrl: string, options: { schema?: string } = {}): Promise<Store> {
  return isPostgresUrl(databaseUrl) ? openPostgres(databaseUrl, options.schema) : openSqlite(databaseUrl);
}

async function openSqlite(databaseUrl: string): Promise<Store> {
  const path = sqlitePath(databaseUrl);
  const { applied, ...opened } = await guarded(path, async () => {
    mkdirSync(dirname(path), { recursive: true });
    accessSync(dirname(path), constants.W_OK);
    const applied = migrateSqlite(path);
    return { applied, ...(await openSqliteClient(path)) };
  });
  const { client, connection } = opened;
  let seenVersion = connection.dataVersion();
  const changedElsewhere = () => {
    const version = connection.dataVersion();
    const changed = version !== seenVersion;
    seenVersion = version;
    return changed;
  };
  return { ...storeOver(client, "sqlite", path, applied, () => readPragmas(client), { changedElsewhere }), statementsRun: connection.statementsRun };
}

async function openPostgres(databaseUrl: string, schema: string | undefined): Promise<Store> {
  const location = postgresLocation(databaseUrl);
  const { client, applied, changes } = await guarded(location, async () => {
    // Loaded here, not at the top: a bot on SQLite never reads `pg` (see postgres-client.ts).
    const [{ migratePostgres }, { openPostgresClient }, { listenForChanges }] = await Promise.all([
      import("./migrate-postgres.ts"),
      import("./postgres-client.ts"),
      import("./postgres-changes.ts"),
    ]);
    const applied = await migratePostgres(databaseUrl, schema);
    return { applied, client: await openPostgresClient(databaseUrl, schema), changes: await listenForChanges(databaseUrl, schema) };
  });
  const store = storeOver(client, "postgresql", location, applied, async () => null, changes);
  return {
    ...store,
    async close() {
      await changes.close();
      await store.close();
    },
  };
}

async function guarded<T>(location: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    throw new DatabaseUnavailable(location, error instanceof Error ? error.message : String(error));
  }
}

const storeOver = (
  client: Db,
  kind: Store["kind"],
  location: string,
  applied: string[],
  pragmas: () => Promise<SqlitePragmas | null>,
  changes?: Changes,
): Store => ({
  uow: prismaUnitOfWork(client, kind, changes),
  controlTokens: controlTokenStore(client),
  kind,
  location,
  appliedMigrations: applied,
  pragmas,
  statementsRun: () => null,
  ping: async () => {
    await client.$queryRaw`SELECT 1`;
  },
  close: () => client.$disconnect(),
});
