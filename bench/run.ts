// `npm run bench`: measured figures for the README, never asserted in tests. Each section prints its
// tables (bench/table.ts: ours, the peer's, the ratio, the target). `npm run bench -- startup` runs
// only the sections whose name contains "startup".
import { benchChatOverhead } from "./chat-overhead.ts";
import { benchCommandCost } from "./command-cost.ts";
import { benchCounting } from "./counting.ts";
import { benchScheduler } from "./scheduler.ts";
import { benchStartup } from "./startup.ts";
import { benchTwoProcesses } from "./two-processes.ts";
import { formatResult, type BenchResult } from "./table.ts";

const sections: [string, () => Promise<BenchResult>][] = [
  ["Counting", benchCounting],
  ["Scheduler", benchScheduler],
  ["Start-up", benchStartup],
  ["Command cost", benchCommandCost],
  ["Two processes", benchTwoProcesses],
  ["Chat command overhead", benchChatOverhead],
];

const wanted = process.argv.slice(2).map((name) => name.toLowerCase());
let failed = 0;
for (const [title, bench] of sections) {
  if (wanted.length > 0 && !wanted.some((name) => title.toLowerCase().replace(/[^a-z]/g, "").includes(name.replace(/[^a-z]/g, "")))) continue;
  console.log(`\n## ${title}\n`);
  try {
    console.log(formatResult(await bench()));
  } catch (error) {
    // One broken section still leaves the others' figures.
    failed += 1;
    console.log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
