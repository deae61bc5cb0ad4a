// `npm test`: type-check, run every vitest suite, and end with the plain line
// `tests: N passed, N failed` that the project's CI tooling records.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const run = (command, args) => spawnSync(command, args, { stdio: "inherit", shell: false }).status ?? 1;

const typecheck = run("npx", ["tsc", "--noEmit"]);
const folder = mkdtempSync(join(tmpdir(), "council-bot-tests-"));
const report = join(folder, "vitest.json");
const vitest = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(readFileSync(report, "utf8"));
  passed = results.numPassedTests;
  failed = results.numFailedTests;
} catch {
  // No report means vitest itself failed to start: count that as a failure below.
}
rmSync(folder, { recursive: true, force: true });
if (typecheck !== 0) console.log("typecheck: failed (see tsc output above)");
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(typecheck !== 0 || vitest !== 0 || passed === 0 ? 1 : 0);
