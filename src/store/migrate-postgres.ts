import { randomUUID } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { readMigrations, type Migration } from "./migrate-sqlite.ts";
import { projectRoot } from "./project-root.ts";

export const postgresMigrationsFolder = join(projectRoot(), "prisma/postgresql/migrations");

// Prisma's own bookkeeping table and layout, so `prisma migrate status` stays meaningful.
const bookkeeping = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant: it names the lock every bot process takes while migrating one database.
const migrationLock = 72_616_411;

/**
 * Applies the committed PostgreSQL migrations this database has not had, each in a transaction.
 * Prisma's `migrate deploy` cannot run through the WebAssembly engine on PostgreSQL (it fails to
 * read the catalog's `name` type), so the bot does it itself. An advisory lock makes several bot
 * processes starting together take turns. `schema` (tests) puts everything in its own schema.
 */
export async function migratePostgres(
  connectionString: string,
  schema: string | undefined,
  migrations: Migration[] = readMigrations(postgresMigrationsFolder),
): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    if (schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
      await client.query(`SET search_path TO ${pg.escapeIdentifier(schema)}`);
    }
    await client.query("SELECT pg_advisory_lock($1)", [migrationLock]);
    await client.query(bookkeeping);
    const applied: string[] = [];
    for (const migration of migrations) {
      const done = await client.query(
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL`,
        [migration.name],
      );
      if (done.rowCount) continue;
      await client.query("BEGIN");
      try {
        // Migrations create objects unqualified; with a test schema they must land there, not in public.
        const sql = schema ? migration.sql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, "") : migration.sql;
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    await client.query("SELECT pg_advisory_unlock($1)", [migrationLock]);
    return applied;
  } finally {
    await client.end();
  }
}
