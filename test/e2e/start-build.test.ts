import { readFileSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runConsole } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";

const root = join(import.meta.dirname, "../..");
const bundle = join(root, "dist/main.mjs");
const builtAt = () => statSync(bundle).mtimeMs;

describe("npm start builds the bot only when its sources changed", () => {
  const databases: ReturnType<typeof tempDatabase>[] = [];
  afterEach(() => databases.splice(0).forEach((db) => db.remove()));

  it("starts the existing bundle, and rebuilds it after a source file is edited", async () => {
    const db = tempDatabase();
    databases.push(db);
    const start = async () => {
      const run = await runConsole("group create Viestintä\ngroup list\n", { DATABASE_URL: db.url, DEFAULT_LOCALE: "en" }, "npm start");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("- Viestintä");
    };
    await start();
    const first = builtAt();
    await start();
    expect(builtAt()).toBe(first);

    // An edit, as far as the build can tell (the content stays as it was).
    const source = join(root, "src/i18n/en/groups.ts");
    const now = new Date();
    utimesSync(source, now, now);
    await start();
    expect(builtAt()).toBeGreaterThan(first);
    const stamp = JSON.parse(readFileSync(join(root, "dist/main.inputs.json"), "utf8")) as { builtAt: number };
    expect(stamp.builtAt).toBeGreaterThanOrEqual(now.getTime());
  }, 60_000);
});
