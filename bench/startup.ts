/**
 * Whole-process start-up, the way people run the bot and the tally: `npm run tally` over all 40
 * Scottish ward files one by one (and Droop, a Python STV counter, on the same files when it is
 * found), and `npm start` from launch to the console's first answer. Measured, never asserted.
 *
 *     npx tsx bench/startup.ts          (DROOP=/path/to/Droop.py to compare with another checkout)
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { entries, staleReason } from "../scripts/fresh.mjs";
import { bundle } from "../scripts/build.mjs";

const root = join(import.meta.dirname, "..");
const wardFolder = "/work/shared/data/scottish-council-ballots";
const droopMirror = "/work/.mirror/jklundell+droop/repo/.git";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;

/** Wall time of running `command` once per ward file, in order, as a person checking them would. */
function timeOverWards(files: string[], command: string, args: (file: string) => string[]): { total: number; perFile: number[] } {
  const perFile: number[] = [];
  const start = performance.now();
  for (const file of files) {
    const one = performance.now();
    const run = spawnSync(command, args(file), { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    if (run.status !== 0) throw new Error(`${command} ${args(file).join(" ")}: exit ${run.status}\n${run.stderr}`);
    perFile.push(performance.now() - one);
  }
  return { total: performance.now() - start, perFile };
}

/** Droop.py from $DROOP, or unpacked from the stored mirror of jklundell/droop. */
function findDroop(): { script: string; cleanup(): void } | undefined {
  if (spawnSync("python3", ["--version"]).status !== 0) return undefined;
  if (process.env.DROOP) return { script: process.env.DROOP, cleanup: () => {} };
  if (!existsSync(droopMirror)) return undefined;
  const folder = mkdtempSync(join(tmpdir(), "droop-"));
  execFileSync("sh", ["-c", `git --git-dir="${droopMirror}" archive HEAD | tar -x -C "${folder}"`]);
  return { script: join(folder, "Droop.py"), cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Milliseconds from launching `command` to the first byte of the console's answer on stdout. */
function firstAnswer(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "ignore"] });
    let answered: number | undefined;
    child.stdout.once("data", () => (answered = performance.now() - start));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 && answered !== undefined ? resolve(answered) : reject(new Error(`${command}: exit ${code}`))));
    child.stdin.end("group list\n");
  });
}

export async function benchStartup(): Promise<string[]> {
  const lines: string[] = [];
  for (const { entry, outfile, withPackages } of Object.values(entries)) {
    if (staleReason(outfile) !== null) await bundle(entry, outfile, { withPackages });
  }
  const wards = readdirSync(wardFolder).filter((name) => name.endsWith(".blt")).sort().map((name) => join(wardFolder, name));

  const npm = timeOverWards(wards, "npm", (file) => ["run", "--silent", "tally", "--", file]);
  lines.push(`npm run tally, ${wards.length} ward files one by one: ${ms(npm.total)} (median ${ms(median(npm.perFile))} a file)`);
  const node = timeOverWards(wards, "node", (file) => ["scripts/run.mjs", "tally", file]);
  lines.push(`the same without npm (node scripts/run.mjs tally): ${ms(node.total)} (median ${ms(median(node.perFile))} a file)`);
  const bare = timeOverWards(wards, "node", () => ["-e", "0"]);
  lines.push(`node -e 0, ${wards.length} times (Node's own start): ${ms(bare.total)} (median ${ms(median(bare.perFile))})`);
  const droop = findDroop();
  if (droop) {
    try {
      const timed = timeOverWards(wards, "python3", (file) => [droop.script, "scotland", file]);
      lines.push(`Droop (python3 Droop.py scotland), same files: ${ms(timed.total)} (median ${ms(median(timed.perFile))} a file)`);
    } finally {
      droop.cleanup();
    }
  } else {
    lines.push("Droop not found (no python3, no $DROOP and no mirror of jklundell/droop): not compared");
  }

  const db = mkdtempSync(join(tmpdir(), "bench-start-"));
  try {
    const env = { DATABASE_URL: `file:${join(db, "council.db")}`, DEFAULT_LOCALE: "en" };
    await firstAnswer("npm", ["start", "--silent"], env); // creates and migrates the database
    const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { config: { node_flags: string } };
    const flags = packageJson.config.node_flags.split(" ").filter(Boolean);
    const starts: number[] = [];
    const direct: number[] = [];
    for (let run = 0; run < 7; run++) {
      starts.push(await firstAnswer("npm", ["start", "--silent"], env));
      direct.push(await firstAnswer("node", [...flags, "scripts/run.mjs", "main"], env));
    }
    lines.push(`npm start, launch to the console's first answer (bundle up to date): median ${ms(median(starts))} (${starts.map(Math.round).join(", ")})`);
    lines.push(`the same without npm (node scripts/run.mjs main): median ${ms(median(direct))}`);
  } finally {
    rmSync(db, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await benchStartup()) console.log(line);
}
