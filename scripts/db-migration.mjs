// Writes a new migration, for SQLite and for PostgreSQL, for whatever the schema has that the
// migrations do not yet. `prisma migrate dev` needs the native engine, and `migrate diff
// --from-migrations` cannot replay multi-statement migrations through the WebAssembly engine's
// shadow database; so each migrations folder keeps a snapshot of the datamodel its migrations
// produce, and the schema is diffed against that.
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { postgresSchema, sqliteSchema, writePostgresSchema } from "./prisma-variants.mjs";

const variants = [
  // The CLI opens the configured database even for a pure diff: an in-memory SQLite one, and for
  // PostgreSQL a local server (the diff writes nothing to it).
  { name: "SQLite", config: "prisma.config.ts", schema: sqliteSchema, migrations: "prisma/migrations", url: "file::memory:" },
  {
    name: "PostgreSQL",
    config: "prisma.postgresql.config.ts",
    schema: postgresSchema,
    migrations: "prisma/postgresql/migrations",
    url: process.env.MIGRATION_DIFF_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
  },
];

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>   (e.g. add_meetings)");
  process.exit(2);
}

/** All schema files as one datamodel, in a stable order. */
const datamodel = (folder) =>
  readdirSync(folder)
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file) => `// ${file}\n${readFileSync(join(folder, file), "utf8")}`)
    .join("\n");

writePostgresSchema();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const variant of variants) {
  const snapshot = join(variant.migrations, "datamodel.snapshot.prisma");
  mkdirSync(variant.migrations, { recursive: true });
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--config", variant.config, ...from, "--to-schema-datamodel", variant.schema, "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: variant.url }, stdio: ["ignore", "pipe", "inherit"] },
  );
  if (!/^\s*(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|PRAGMA)/im.test(sql)) {
    console.log(`${variant.name}: the schema and the migrations agree; no migration written.`);
    continue;
  }
  const target = join(variant.migrations, `${stamp}_${name}`);
  mkdirSync(target);
  writeFileSync(join(target, "migration.sql"), sql);
  writeFileSync(snapshot, datamodel(variant.schema));
  console.log(`${variant.name}: wrote ${target}/migration.sql`);
}
