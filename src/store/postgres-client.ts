// Apart from prisma-client.ts and imported only when DATABASE_URL is PostgreSQL: `pg`, its adapter and
// the second generated client are ~200 ms of loading that a bot on SQLite never needs.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PrismaPostgresClient } from "../generated/prisma-pg/client.ts";
import type { Db } from "./prisma-client.ts";

/**
 * A client on PostgreSQL. Both clients are generated from the same models (see
 * scripts/prisma-variants.mjs), so repositories written against one serve the other.
 */
export async function openPostgresClient(connectionString: string, schema: string | undefined): Promise<Db> {
  // The schema also goes on every connection's search_path, so the few raw statements (the
  // scheduler's claims) find their tables where Prisma's own queries do.
  const pool = schema ? { connectionString, options: `-c search_path="${schema}"` } : { connectionString };
  const client = new PrismaPostgresClient({ adapter: new PrismaPg(pool, schema ? { schema } : undefined) });
  await client.$connect();
  return client as unknown as Db;
}
