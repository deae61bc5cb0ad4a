import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDatabase } from "./temp-database.ts";

const root = join(import.meta.dirname, "../..");
const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { config: { node_flags: string } };

/**
 * The bot as `npm start` runs it, without npm: scripts/run.cjs under plain Node with the
 * production flags, running the bundle in dist/ through its code cache. test/support/build-once.ts
 * brings the bundle up to date before any test, so each start costs a bundle's load (well under a
 * second) rather than tsx compiling the sources (~3 s).
 */
export const bot = (): [string, string[]] => [process.execPath, [...packageJson.config.node_flags.split(/\s+/).filter(Boolean), join(root, "scripts/run.cjs"), "main"]];

export interface ConsoleRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real entry point with a script piped to stdin: the built bot, or through `npm start` itself. */
export function runConsole(script: string, env: Record<string, string>, via: "node" | "npm start" = "node"): Promise<ConsoleRun> {
  const [command, args] = via === "node" ? bot() : ["npm", ["start", "--silent"]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(script);
  });
}

/**
 * Starts the real entry point as a long-running bot (Slack, Discord) and resolves once its stderr
 * says `readyText`; `stop()` sends SIGTERM and resolves with the exit code.
 */
export async function startEntryPoint(options: { env: Record<string, string>; cwd?: string; readyText: string }) {
  const [command, args] = bot();
  const child = spawn(command, args, {
    cwd: options.cwd ?? root,
    env: { PATH: process.env.PATH ?? "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(options.readyText)) resolve();
    });
    child.on("close", () => reject(new Error(`exited before "${options.readyText}": ${stderr}`)));
  });
  return {
    stderr: () => stderr,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** A console script, one command a line, run by the real entry point on a fresh SQLite file that is removed afterwards. */
export async function runScript(lines: readonly string[], env: Record<string, string> = {}): Promise<ConsoleRun> {
  const db = tempDatabase();
  try {
    return await runConsole(`${lines.join("\n")}\n`, { DATABASE_URL: db.url, ...env });
  } finally {
    db.remove();
  }
}
