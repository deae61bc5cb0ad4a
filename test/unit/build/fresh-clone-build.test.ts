import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundle } from "../../../scripts/build.mjs";
import { entries } from "../../../scripts/fresh.cjs";

const scratch = mkdtempSync(join(tmpdir(), "fresh-clone-build-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("npm install's build in a fresh clone", () => {
  it("writes the bot's bundle and Prisma's query compilers into a dist/ that does not exist yet", async () => {
    const dist = join(scratch, "dist");
    await bundle(entries.main.entry, join(dist, "main.cjs"), entries.main);
    expect(existsSync(join(dist, "main.cjs"))).toBe(true);
    for (const provider of ["sqlite", "postgresql"]) {
      // A WebAssembly module starts with "\0asm".
      expect(readFileSync(join(dist, `query_compiler_bg.${provider}.wasm`)).subarray(0, 4).toString("latin1")).toBe("\0asm");
    }
  }, 60_000);
});
