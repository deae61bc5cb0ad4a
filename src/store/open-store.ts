import { accessSync, constants, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { UnitOfWork } from "../core/shared/unit-of-work.ts";
import { migrateSqlite } from "./migrate-sqlite.ts";
import { openSqliteClient, readPragmas, type Db, type SqlitePragmas } from "./prisma-client.ts";
import { prismaUnitOfWork } from "./unit-of-work.ts";

export interface Store {
  readonly uow: UnitOfWork;
  readonly path: string;
  readonly appliedMigrations: readonly string[];
  pragmas(): Promise<SqlitePragmas>;
  close(): Promise<void>;
}

/** The database cannot be opened or written: start-up names the path and stops. */
export class DatabaseUnavailable extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`database ${path} unavailable: ${reason}`);
    this.name = "DatabaseUnavailable";
  }
}

/** `file:./data/council.db` -> an absolute path, relative ones taken from the working directory. */
export const sqlitePath = (databaseUrl: string): string => resolve(databaseUrl.replace(/^file:/, ""));

/** Opens (creating if missing) the SQLite database, brings its schema up to date, and connects. */
export async function openStore(databaseUrl: string): Promise<Store> {
  const path = sqlitePath(databaseUrl);
  let applied: string[];
  let client: Db;
  try {
    mkdirSync(dirname(path), { recursive: true });
    accessSync(dirname(path), constants.W_OK);
    applied = migrateSqlite(path);
    client = await openSqliteClient(path);
  } catch (error) {
    throw new DatabaseUnavailable(path, error instanceof Error ? error.message : String(error));
  }
  return {
    uow: prismaUnitOfWork(client),
    path,
    appliedMigrations: applied,
    pragmas: () => readPragmas(client),
    close: () => client.$disconnect(),
  };
}
