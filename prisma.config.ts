// Prisma's CLI normally downloads a native schema engine; this machine (and many council servers
// behind strict firewalls) cannot. The WebAssembly engine through the driver adapter needs no download.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  adapter: async () =>
    new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/council.db" }),
});
