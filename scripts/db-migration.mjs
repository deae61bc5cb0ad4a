// Writes a new migration for whatever the schema has that the migrations do not yet.
// `prisma migrate dev` needs the native engine, and `migrate diff --from-migrations` cannot replay
// multi-statement migrations through the WebAssembly engine's shadow database; so we keep a
// snapshot of the datamodel the migrations produce and diff the schema against that.
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const schemaFolder = "prisma/schema";
const migrations = "prisma/migrations";
const snapshot = join(migrations, "datamodel.snapshot.prisma");

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>   (e.g. add_meetings)");
  process.exit(2);
}

/** All schema files as one datamodel, in a stable order. */
export function currentDatamodel() {
  return readdirSync(schemaFolder)
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file) => `// ${file}\n${readFileSync(join(schemaFolder, file), "utf8")}`)
    .join("\n");
}

mkdirSync(migrations, { recursive: true });
const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schemaFolder, "--script"],
  // The CLI opens the configured database even for a pure diff; an in-memory one keeps it harmless.
  { encoding: "utf8", env: { ...process.env, DATABASE_URL: "file::memory:" } },
);
if (!/^\s*(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|PRAGMA)/im.test(sql)) {
  console.log("The schema and the migrations agree; no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = join(migrations, `${stamp}_${name}`);
mkdirSync(target);
writeFileSync(join(target, "migration.sql"), sql);
writeFileSync(snapshot, currentDatamodel());
console.log(`Wrote ${target}/migration.sql`);
