// The PostgreSQL twin of prisma.config.ts: same models (generated into prisma/postgresql/schema by
// scripts/prisma-variants.mjs), the WebAssembly engine through the pg driver adapter, no download.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/postgresql/schema",
  migrations: { path: "prisma/postgresql/migrations" },
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://127.0.0.1:5432/test" }),
});
