import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bot } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";

const root = join(import.meta.dirname, "../..");

/** The console bot run as `npm start` runs it, answering `group list`; the files it required. */
function filesRequired(env: Record<string, string>): Promise<{ code: number | null; stdout: string; files: string[] }> {
  const [command, args] = bot();
  const preload = ["--require", join(root, "test/support/loaded-files.cjs")];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...preload, ...args], { cwd: root, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = stderr.split("\n").find((l) => l.startsWith("loaded-files "));
      resolve({ code, stdout, files: line ? (JSON.parse(line.slice("loaded-files ".length)) as string[]) : [] });
    });
    child.stdin.end("group list\n");
  });
}

describe("the console bot's bundle", () => {
  const databases: ReturnType<typeof tempDatabase>[] = [];
  afterEach(() => databases.splice(0).forEach((db) => db.remove()));

  it("carries its packages in its bundle: only better-sqlite3's native binding is required from node_modules, no platform SDK, pg, mail or web code", async () => {
    const db = tempDatabase();
    databases.push(db);
    const run = await filesRequired({ DATABASE_URL: db.url, DEFAULT_LOCALE: "en" });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("There are no working groups yet");
    const packages = new Set(run.files.filter((f) => f.includes("/node_modules/")).map((f) => f.split("/node_modules/").at(-1)!.split("/").slice(0, f.split("/node_modules/").at(-1)!.startsWith("@") ? 2 : 1).join("/")));
    expect(run.files.some((f) => f.endsWith("dist/main.cjs") || f.includes("/scripts/run.cjs"))).toBe(true);
    expect([...packages].sort()).toEqual(["better-sqlite3", "bindings", "file-uri-to-path"]);
  }, 60_000);

  it("is ASCII, so that V8 holds its source as one-byte text (scripts/build.mjs warns otherwise)", () => {
    const text = readFileSync(join(root, "dist/main.cjs"), "latin1");
    const at = text.search(/[^\x00-\x7f]/);
    expect(at === -1 ? "" : text.slice(Math.max(0, at - 40), at + 10)).toBe("");
  });
});
