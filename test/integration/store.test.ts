import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { readMigrations } from "../../src/store/migrate-sqlite.ts";
import { postgresMigrationsFolder } from "../../src/store/migrate-postgres.ts";
import { DatabaseUnavailable, openStore } from "../../src/store/open-store.ts";
import { postgresAvailable, tempPostgresSchema, testPostgresUrl } from "../support/postgres.ts";
import { tempDatabase } from "../support/temp-database.ts";

describe("the SQLite store", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const open = async () => {
    const db = tempDatabase();
    const store = await openStore(db.url);
    cleanups.push(() => db.remove(), () => store.close());
    return { db, store };
  };

  it("creates the database file and applies every migration, recorded as Prisma records them", async () => {
    const { db, store } = await open();
    expect(store.appliedMigrations).toEqual(readMigrations().map((m) => m.name));
    const raw = new Database(db.path, { readonly: true });
    const rows = raw.prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: string | null;
    }[];
    raw.close();
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations().map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("applies nothing the second time, so restarts keep the data", async () => {
    const { db, store } = await open();
    await store.uow.read.groups.create({ workspaceId: "w", name: "Viestintä" });
    await store.close();
    const again = await openStore(db.url);
    cleanups.push(() => again.close());
    expect(again.appliedMigrations).toEqual([]);
    expect((await again.uow.read.groups.list("w", { includeArchived: false })).map((g) => g.name)).toEqual(["Viestintä"]);
  });

  it("runs with WAL, foreign keys on and a busy timeout, read back from the connection", async () => {
    const { store } = await open();
    expect(await store.pragmas()).toEqual({ journalMode: "wal", foreignKeys: true, busyTimeoutMs: 10_000 });
  });

  it("rolls a unit of work back whole when it throws", async () => {
    const { store } = await open();
    await expect(
      store.uow.run(async (stores) => {
        await stores.groups.create({ workspaceId: "w", name: "Puheenjohtajisto" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.uow.read.groups.list("w", { includeArchived: true })).toEqual([]);
  });

  it("refuses a membership for a person who does not exist (foreign keys enforced)", async () => {
    const { store } = await open();
    const group = await store.uow.read.groups.create({ workspaceId: "w", name: "Järjestöfoorumi" });
    await expect(store.uow.read.groups.addMember({ groupId: group.id, personId: "nobody", role: "member" })).rejects.toThrow();
  });

  it("names the path when the database cannot be created", async () => {
    const db = tempDatabase();
    cleanups.push(() => db.remove());
    // A file where the database's folder should be: fails for root too, unlike permissions.
    const blocker = join(db.folder, "not-a-folder");
    writeFileSync(blocker, "");
    const path = join(blocker, "council.db");
    const attempt = openStore(`file:${path}`);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailable);
    await expect(attempt).rejects.toMatchObject({ location: path });
  });
});

const postgresHere = await postgresAvailable();

describe("the migrations", () => {
  const variants = [
    { name: "SQLite", config: "prisma.config.ts", migrations: "prisma/migrations", schema: "prisma/schema", url: "file::memory:", run: true },
    {
      name: "PostgreSQL",
      config: "prisma.postgresql.config.ts",
      migrations: "prisma/postgresql/migrations",
      schema: "prisma/postgresql/schema",
      url: testPostgresUrl,
      // The CLI connects to the configured database even for this diff.
      run: postgresHere,
    },
  ];
  it.each(variants.filter((v) => v.run))("for $name produce exactly the schema the Prisma models describe", (variant) => {
    // Exit code 0 with --exit-code means: no difference between the snapshot the migrations were
    // written from and the current schema; a model change without its migration fails here.
    const run = () =>
      execFileSync(
        "npx",
        [
          "prisma", "migrate", "diff", "--config", variant.config,
          "--from-schema-datamodel", `${variant.migrations}/datamodel.snapshot.prisma`,
          "--to-schema-datamodel", variant.schema, "--exit-code",
        ],
        { env: { ...process.env, DATABASE_URL: variant.url }, stdio: "pipe" },
      );
    expect(run).not.toThrow();
  });

  it("applied to an empty database give the tables the snapshot describes", () => {
    const db = tempDatabase();
    try {
      const fromMigrations = new Database(db.path);
      for (const m of readMigrations()) fromMigrations.exec(m.sql);
      const fromSchema = new Database(":memory:");
      fromSchema.exec(
        execFileSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema", "--script"], {
          env: { ...process.env, DATABASE_URL: "file::memory:" },
          encoding: "utf8",
        }),
      );
      const shape = (d: Database.Database) =>
        d.prepare(`SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all();
      expect(shape(fromMigrations)).toEqual(shape(fromSchema));
      fromMigrations.close();
      fromSchema.close();
    } finally {
      db.remove();
    }
  });
});

describe.runIf(postgresHere)("the PostgreSQL store", () => {
  it("applies the PostgreSQL migrations once, recorded as Prisma records them, and keeps data across restarts", async () => {
    const db = tempPostgresSchema();
    try {
      const first = await openStore(db.url, { schema: db.schema });
      expect(first.kind).toBe("postgresql");
      expect(first.appliedMigrations).toEqual(readMigrations(postgresMigrationsFolder).map((m) => m.name));
      await first.uow.read.groups.create({ workspaceId: "w", name: "Kunta-hyte-yhteistyö" });
      await first.close();
      const second = await openStore(db.url, { schema: db.schema });
      expect(second.appliedMigrations).toEqual([]);
      expect((await second.uow.read.groups.list("w", { includeArchived: false })).map((g) => g.name)).toEqual(["Kunta-hyte-yhteistyö"]);
      await second.close();
    } finally {
      await db.remove();
    }
  });

  it("names the server, never the password, when it cannot connect", async () => {
    const attempt = openStore("postgresql://council:secret@127.0.0.1:1/nowhere");
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailable);
    await expect(attempt).rejects.toMatchObject({ location: "postgresql://127.0.0.1:1/nowhere" });
  });
});
