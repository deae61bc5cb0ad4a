import { statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runConsole } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";

const root = join(import.meta.dirname, "../..");
const bundle = join(root, "dist/main.cjs");
const builtAt = () => statSync(bundle).mtimeMs;

describe("npm start builds the bot only when its sources changed", () => {
  const databases: ReturnType<typeof tempDatabase>[] = [];
  afterEach(() => databases.splice(0).forEach((db) => db.remove()));

  it("starts the existing bundle without building it again", async () => {
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

    // Edited sources trigger a rebuild: the decision is tested in test/unit/build/fresh.test.ts, not
    // here, where touching a source would make other tests' starts rebuild dist/ under each other.
  }, 60_000);
});
