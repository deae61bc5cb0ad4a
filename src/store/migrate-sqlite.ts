import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { projectRoot } from "./project-root.ts";

export const migrationsFolder = join(projectRoot(), "prisma/migrations");

export interface Migration {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

/** The migrations' names in the order they apply, without reading them. */
export const migrationNames = (folder = migrationsFolder): string[] =>
  readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d/.test(entry.name))
    .map((entry) => entry.name)
    .sort();

export function readMigrations(folder = migrationsFolder, names = migrationNames(folder)): Migration[] {
  return names.map((name) => {
    const sql = readFileSync(join(folder, name, "migration.sql"), "utf8");
    return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
  });
}

// Prisma's own bookkeeping table, so `prisma migrate status` stays meaningful for our runner.
const bookkeeping = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/**
 * Applies the committed migrations that this database has not had yet, each in its own
 * transaction. `prisma migrate deploy` does the same but needs the CLI at run time; this runs
 * inside `npm start` and in tests, so production and tests build the database the same way.
 * BEGIN IMMEDIATE makes a second bot process starting at the same moment wait, not double-apply.
 * An up-to-date database, every start but the first after an upgrade, costs one query against
 * the folder's names: no migration file is read or hashed and no transaction is opened.
 */
export function migrateSqlite(path: string, given?: Migration[]): string[] {
  const db = new Database(path, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(bookkeeping);
    const finished = new Set(
      db
        .prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)
        .pluck()
        .all() as string[],
    );
    const migrations = given ?? readMigrations(migrationsFolder, migrationNames().filter((name) => !finished.has(name)));
    const applied: string[] = [];
    for (const migration of migrations) {
      db.exec("BEGIN IMMEDIATE");
      try {
        const done = db
          .prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`)
          .get(migration.name);
        if (!done) {
          db.exec(migration.sql);
          db.prepare(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
             VALUES (?, ?, current_timestamp, ?, 1)`,
          ).run(randomUUID(), migration.checksum, migration.name);
          applied.push(migration.name);
        }
        db.exec("COMMIT");
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      }
    }
    return applied;
  } finally {
    db.close();
  }
}
