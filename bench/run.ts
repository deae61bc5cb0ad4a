// `npm run bench`: measured figures for the README, never asserted in tests.
import { benchChatOverhead } from "./chat-overhead.ts";
import { benchCommandCost } from "./command-cost.ts";
import { benchCounting } from "./counting.ts";
import { benchScheduler } from "./scheduler.ts";
import { benchStartup } from "./startup.ts";

const sections: [string, () => Promise<string[]>][] = [
  ["Counting", benchCounting],
  ["Scheduler", benchScheduler],
  ["Start-up", benchStartup],
  ["Command cost", benchCommandCost],
  ["Chat command overhead", benchChatOverhead],
];

for (const [title, bench] of sections) {
  console.log(`\n## ${title}`);
  for (const line of await bench()) console.log(line);
}
