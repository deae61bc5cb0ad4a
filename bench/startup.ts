/**
 * Whole-process start-up, the way people run the bot and the tally: `npm run tally` over all 40
 * Scottish ward files one by one and all in one run, next to Droop (a Python STV counter) on the same files, and `npm
 * start` from launch to the console's first answer. Each file is counted by every contender in
 * turn, so a load that comes and goes weighs on all of them alike. Measured, never asserted.
 *
 *     npx tsx bench/startup.ts          (DROOP=/path/to/Droop.py to compare with another checkout)
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { entries, staleReason } from "../scripts/fresh.cjs";
import { bundle } from "../scripts/build.mjs";
import { formatResult, median, type BenchRow, type BenchTable } from "./table.ts";

const root = join(import.meta.dirname, "..");
const wardFolder = "/work/shared/data/scottish-council-ballots";
const droopMirror = "/work/.mirror/jklundell+droop/repo/.git";

/**
 * CPU time (user + system) of the children this process has waited for, from /proc (Linux): what a
 * run cost the machine, which a load from other work inflates far less than its wall time.
 */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, in clock ticks of 1/100 s
  } catch {
    return Number.NaN;
  }
}

interface Timed {
  readonly wall: number[];
  readonly cpu: number[];
}
const total = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);

interface Contender {
  readonly command: string;
  readonly args: (file: string) => string[];
  readonly cwd?: string;
  /** Added to (or, undefined, removed from) this process's environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Runs each command once per file, the commands in turn for every file; wall and CPU time of each run. */
function timeOverWards(files: string[], contenders: Record<string, Contender>): Record<string, Timed> {
  const timed: Record<string, Timed> = Object.fromEntries(Object.keys(contenders).map((name) => [name, { wall: [], cpu: [] }]));
  for (const file of files) {
    for (const [name, { command, args, cwd, env }] of Object.entries(contenders)) {
      const cpu = childrenCpuMs();
      const start = performance.now();
      const run = spawnSync(command, args(file), { cwd: cwd ?? root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
      timed[name]!.wall.push(performance.now() - start);
      timed[name]!.cpu.push(childrenCpuMs() - cpu);
      if (run.status !== 0) throw new Error(`${command} ${args(file).join(" ")}: exit ${run.status}\n${run.stderr}`);
    }
  }
  return timed;
}

/**
 * The Python interpreter itself, not what `python3` on the PATH may be: pyenv's shim is a shell
 * script that costs ~300 ms before Python starts, which would count against Droop.
 */
function findPython(): string | undefined {
  const asked = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" });
  return asked.status === 0 && asked.stdout.trim() !== "" ? asked.stdout.trim() : undefined;
}

/** Droop.py from $DROOP, or unpacked from the stored mirror of jklundell/droop. */
function findDroop(): { script: string; cleanup(): void } | undefined {
  if (process.env.DROOP) return { script: process.env.DROOP, cleanup: () => {} };
  if (!existsSync(droopMirror)) return undefined;
  const folder = mkdtempSync(join(tmpdir(), "droop-"));
  execFileSync("sh", ["-c", `git --git-dir="${droopMirror}" archive HEAD | tar -x -C "${folder}"`]);
  return { script: join(folder, "Droop.py"), cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Milliseconds from launching `command` to the first byte of its answer on stdout. */
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

async function tallyTable(): Promise<BenchTable> {
  for (const target of Object.values(entries)) {
    if (staleReason(target.outfile) !== null) await bundle(target.entry, target.outfile, target);
  }
  const wards = readdirSync(wardFolder).filter((name) => name.endsWith(".blt")).sort().map((name) => join(wardFolder, name));
  // npm's own start: `npm run` of a script that does nothing, in a package of its own.
  const empty = mkdtempSync(join(tmpdir(), "bench-npm-"));
  writeFileSync(join(empty, "package.json"), JSON.stringify({ name: "empty", private: true, scripts: { nothing: "true" } }));
  const python = findPython();
  const droop = python ? findDroop() : undefined;
  // Droop at its best: its modules compiled once into __pycache__ and read from there after, as
  // Python does by default (this machine's environment sets PYTHONDONTWRITEBYTECODE).
  const pythonEnv = { PYTHONDONTWRITEBYTECODE: undefined };
  if (python && droop) spawnSync(python, [droop.script, "scotland", wards[0]!], { env: { ...process.env, ...pythonEnv }, stdio: "ignore" });
  const load = loadavg()[0]!;
  try {
    const t = timeOverWards(wards, {
      npm: { command: "npm", args: (file) => ["run", "--silent", "tally", "--", file] },
      // The same bundle without npm (it starts the process npm's script starts, as npm starts it).
      node: { command: join(root, "bin/tally"), args: (file) => [file] },
      ...(python && droop ? { droop: { command: python, args: (file) => [droop.script, "scotland", file], env: pythonEnv } } : {}),
      nodeAlone: { command: "node", args: () => ["-e", "0"], env: { NODE_EXTRA_CA_CERTS: "" } },
      ...(python ? { pythonAlone: { command: python, args: () => ["-c", "0"], env: pythonEnv } } : {}),
      npmAlone: { command: "npm", args: () => ["run", "--silent", "nothing"], cwd: empty },
    });
    // A recount of them all as the tally allows it: every file given to one `npm run tally`, five times.
    const together = timeOverWards(["1", "2", "3", "4", "5"], { npm: { command: "npm", args: () => ["run", "--silent", "tally", "--", ...wards] } }).npm!;
    const peer = (what: keyof Timed) => (droop ? { peer: { name: "Droop", value: median(t.droop![what]) } } : {});
    const rows: BenchRow[] = [
      { what: "`npm run tally -- FILE`, median a file", ours: median(t.npm!.wall), unit: "ms", ...peer("wall"), target: "≤ Droop" },
      { what: "the same, CPU time a file", ours: median(t.npm!.cpu), unit: "ms", ...peer("cpu"), target: "≤ Droop" },
      { what: `the same, all ${wards.length} files one by one`, ours: total(t.npm!.wall), unit: "ms", ...(droop ? { peer: { name: "Droop", value: total(t.droop!.wall) } } : {}) },
      {
        what: `all ${wards.length} files given to one \`npm run tally\` (Droop: one by one, it takes one file a run), median of 5`,
        ours: median(together.wall),
        unit: "ms",
        ...(droop ? { peer: { name: "Droop", value: total(t.droop!.wall) } } : {}),
      },
      { what: "the same, CPU time", ours: median(together.cpu), unit: "ms", ...(droop ? { peer: { name: "Droop", value: total(t.droop!.cpu) } } : {}) },
      { what: "`bin/tally FILE` (the tally's own process, without npm), median a file", ours: median(t.node!.wall), unit: "ms", ...peer("wall"), target: "≤ Droop" },
      { what: "the same, CPU time a file", ours: median(t.node!.cpu), unit: "ms", ...peer("cpu"), target: "≤ Droop" },
      { what: "npm's own start (`npm run` of a script that does nothing), median", ours: median(t.npmAlone!.wall), unit: "ms", ...peer("wall") },
      { what: "the same, CPU time", ours: median(t.npmAlone!.cpu), unit: "ms", ...peer("cpu") },
      {
        what: "Node's own start (`node -e 0`, the same environment), CPU time",
        ours: median(t.nodeAlone!.cpu),
        unit: "ms",
        ...(t.pythonAlone ? { peer: { name: "Python's (`-c 0`)", value: median(t.pythonAlone.cpu) } } : {}),
      },
    ];
    const notes = [
      `Every file counted by each in turn (Droop: \`${python ?? "python3"} Droop.py scotland FILE\`, the interpreter itself rather than a pyenv shim, its modules read from __pycache__); load average ${load.toFixed(1)} on ${(await import("node:os")).cpus().length} cores when it began. CPU time is what a run cost the machine, user and system, from /proc.`,
      ...(droop ? [] : ["Droop not found (no python3, no $DROOP and no mirror of jklundell/droop): not compared."]),
    ];
    return { title: "`npm run tally`, whole processes, the 40 Scottish ward files", rows, notes };
  } finally {
    droop?.cleanup();
    rmSync(empty, { recursive: true, force: true });
  }
}

async function startTable(): Promise<BenchTable> {
  const main = entries.main;
  if (staleReason(main.outfile) !== null) await bundle(main.entry, main.outfile, main);
  const db = mkdtempSync(join(tmpdir(), "bench-start-"));
  try {
    const env = { DATABASE_URL: `file:${join(db, "council.db")}`, DEFAULT_LOCALE: "en" };
    // Node reads NODE_EXTRA_CA_CERTS's file at every start (Node 20), whatever the process does.
    const noCerts = { ...env, NODE_EXTRA_CA_CERTS: "" };
    await firstAnswer("npm", ["start", "--silent"], env); // creates and migrates the database
    const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { config: { node_flags: string } };
    const flags = packageJson.config.node_flags.split(" ").filter(Boolean);
    const contenders: Record<string, [string, string[], Record<string, string>]> = {
      npm: ["npm", ["start", "--silent"], env],
      node: ["node", [...flags, "scripts/run.cjs", "main"], env],
      nodeNoCerts: ["node", [...flags, "scripts/run.cjs", "main"], noCerts],
      bare: ["node", ["-e", "process.stdout.write('x')"], env],
      bareNoCerts: ["node", ["-e", "process.stdout.write('x')"], noCerts],
    };
    const timed = Object.fromEntries(Object.keys(contenders).map((name) => [name, { wall: [] as number[], cpu: [] as number[] }]));
    const runs = 15;
    for (let run = 0; run < runs; run++) {
      for (const [name, [command, args, runEnv]] of Object.entries(contenders)) {
        const cpu = childrenCpuMs();
        timed[name]!.wall.push(await firstAnswer(command, args, runEnv));
        timed[name]!.cpu.push(childrenCpuMs() - cpu);
      }
    }
    const wall = (name: string) => median(timed[name]!.wall);
    const cpu = (name: string) => median(timed[name]!.cpu);
    const peer = { name: "Node printing one line", value: wall("bare") };
    const peerCpu = { name: "Node printing one line", value: cpu("bare") };
    return {
      title: "`npm start`, launch to the console's first answer (`group list`), bundle up to date",
      rows: [
        { what: "`npm start`", ours: wall("npm"), unit: "ms", peer, target: "≤ 400 ms" },
        { what: "without npm (`node <node_flags> scripts/run.cjs main`)", ours: wall("node"), unit: "ms", peer },
        { what: "the same with NODE_EXTRA_CA_CERTS empty", ours: wall("nodeNoCerts"), unit: "ms", peer: { name: "Node printing one line, the same", value: wall("bareNoCerts") } },
        { what: "`npm start`, CPU time of the whole session", ours: cpu("npm"), unit: "ms", peer: peerCpu },
        { what: "without npm, CPU time of the whole session", ours: cpu("node"), unit: "ms", peer: peerCpu },
        { what: "the same with NODE_EXTRA_CA_CERTS empty", ours: cpu("nodeNoCerts"), unit: "ms", peer: { name: "Node printing one line, the same", value: cpu("bareNoCerts") } },
      ],
      notes: [
        `Medians of ${runs}, the contenders in turn; load average ${loadavg()[0]!.toFixed(1)} at the end. CPU time runs to the end of the one-command session (its exit included), user and system, from /proc (in 10 ms ticks).`,
        `NODE_EXTRA_CA_CERTS was ${process.env.NODE_EXTRA_CA_CERTS ? `set (${process.env.NODE_EXTRA_CA_CERTS})` : "not set"} in the bench's environment.`,
      ],
    };
  } finally {
    rmSync(db, { recursive: true, force: true });
  }
}

export async function benchStartup(): Promise<BenchTable[]> {
  return [await tallyTable(), await startTable()];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatResult(await benchStartup()));
}
