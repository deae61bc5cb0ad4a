import { mkdtempSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTally } from "../../src/cli/tally.ts";

// The worked example of test/unit/counting/associations-act.test.ts as a BLT file: lists from names.
const scratch = mkdtempSync(join(tmpdir(), "tally-lists-"));
const file = join(scratch, "lists.blt");
writeFileSync(
  file,
  ['6 3', '7 1 0', '3 2 0', '2 3 0', '1 4 0', '8 5 0', '5 6 0', '0',
    '"Anna (A)"', '"Bea (A)"', '"Cilla (A)"', '"Dan (B)"', '"Eero (B)"', '"Fanny"', '"Worked example"', ''].join("\n"),
);

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runTally(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readFile: (p) => readFile(p, "utf8"), env: {} });
  return { code, stdout, stderr };
}

describe("tally --method dhondt|lists|harmonic", () => {
  it("dhondt reads each candidate's list from the end of the name and elects by comparison numbers", async () => {
    const { code, stdout } = await run(["--json", "--method", "dhondt", file]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.elected).toEqual(["Anna (A)", "Dan (B)", "Bea (A)"]);
    expect(result.rounds[1].votes["Eero (B)"]).toBe(4.5);
  });

  it("lists orders a list by personal votes; the report shows list totals and comparison numbers", async () => {
    const { code, stdout } = await run(["--method", "lists", "--lang", "en", file]);
    expect(code).toBe(0);
    expect(stdout).toContain("List totals: A 12, B 9, Fanny 5");
    expect(stdout).toContain("Round 2: comparison numbers");
    expect(stdout).toContain("Elected: Anna (A), Eero (B), Bea (A)");
  });

  it("harmonic counts the ranked ballots by shares", async () => {
    const { code, stdout } = await run(["--json", "--method", "harmonic", file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).method).toBe("harmonic");
  });
});
