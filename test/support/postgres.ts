import { randomBytes } from "node:crypto";
import pg from "pg";

/** The machine's PostgreSQL, as this kind of machine runs it: trust auth, database `test`. */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

let reachable: Promise<boolean> | undefined;

/** Whether PostgreSQL answers; asked once per test file. */
export function postgresAvailable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/** A schema of its own for one test, dropped afterwards, so tests never see each other's rows. */
export function tempPostgresSchema(): { url: string; schema: string; remove(): Promise<void> } {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  return {
    url: testPostgresUrl,
    schema,
    async remove() {
      const client = new pg.Client({ connectionString: testPostgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
      await client.end();
    },
  };
}
