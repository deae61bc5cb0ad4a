import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { staleReason, stampFile } from "../../../scripts/fresh.cjs";

/** A project folder with two sources and, optionally, a bundle built from them at `builtAt`. */
function project(builtAt?: number) {
  const base = mkdtempSync(join(tmpdir(), "fresh-"));
  mkdirSync(join(base, "src"));
  mkdirSync(join(base, "dist"));
  for (const file of ["src/main.ts", "src/util.ts"]) {
    writeFileSync(join(base, file), "export {};\n");
    utimesSync(join(base, file), new Date(1_000_000), new Date(1_000_000));
  }
  if (builtAt !== undefined) {
    writeFileSync(join(base, "dist/main.mjs"), "");
    writeFileSync(join(base, stampFile("dist/main.mjs")), JSON.stringify({ builtAt, inputs: ["src/main.ts", "src/util.ts"] }));
  }
  return base;
}

describe("whether npm start and npm run tally must rebuild their bundle", () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  const make = (builtAt?: number) => {
    const base = project(builtAt);
    folders.push(base);
    return base;
  };

  it("runs the bundle as it is when no source changed since its build", () => {
    expect(staleReason("dist/main.mjs", make(2_000_000))).toBeNull();
  });

  it("rebuilds when a source was edited after the build started, naming the file", () => {
    const base = make(2_000_000);
    utimesSync(join(base, "src/util.ts"), new Date(), new Date());
    expect(staleReason("dist/main.mjs", base)).toBe("src/util.ts changed");
  });

  it("rebuilds when a source it was built from is gone", () => {
    const base = make(2_000_000);
    rmSync(join(base, "src/util.ts"));
    expect(staleReason("dist/main.mjs", base)).toBe("src/util.ts removed");
  });

  it("builds when there is no bundle or no record of its inputs", () => {
    expect(staleReason("dist/main.mjs", make())).toBe("dist/main.mjs not built");
    const base = make(2_000_000);
    rmSync(join(base, "dist/main.mjs"));
    expect(staleReason("dist/main.mjs", base)).toBe("dist/main.mjs not built");
  });
});
