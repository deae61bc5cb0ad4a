/**
 * `npm run export-site -- <dir>`: writes the public results pages as static files into <dir>
 * (see export-site.ts), from the database in DATABASE_URL. Exit codes: 0 written, 1 the database
 * cannot be opened, 2 no folder given or a bad configuration.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseConfig } from "../../../src/config.ts";
import { PublicResults } from "../../../src/core/public/results.ts";
import { translate } from "../../../src/i18n/translate.ts";
import { createLogger } from "../../../src/logger.ts";
import { DatabaseUnavailable, openStore } from "../../../src/store/open-store.ts";
import { exportSite } from "./export-site.ts";

async function main(argv: readonly string[]): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const { config } = parsed;
  const dir = argv[0];
  if (dir === undefined || dir.startsWith("-")) {
    process.stderr.write(`${translate(config.DEFAULT_LOCALE, "public.export.usage")}\n`);
    return 2;
  }
  let store;
  try {
    store = await openStore(config.DATABASE_URL);
  } catch (error) {
    if (!(error instanceof DatabaseUnavailable)) throw error;
    process.stderr.write(`${translate(config.DEFAULT_LOCALE, "startup.database-unavailable", { path: error.location, reason: error.reason })}\n`);
    return 1;
  }
  try {
    const results = new PublicResults({ uow: store.uow, logger: createLogger(config.LOG_LEVEL), timeZone: config.TIMEZONE });
    const files = await exportSite(results, resolve(dir), { defaultLocale: config.DEFAULT_LOCALE, timeZone: config.TIMEZONE });
    process.stdout.write(`${translate(config.DEFAULT_LOCALE, "public.export.done", { count: files.length, dir: resolve(dir) })}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
