import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onlyVoters, publishedElections } from "../support/published-elections.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

// `npm run export-site -- <dir>` over a real SQLite file: the same pages as files, with relative
// links that all lead somewhere, the record byte for byte, and nothing uncertified.

const run = promisify(execFile);
const files = (dir: string, under = ""): string[] =>
  readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(dir, join(under, entry.name)) : [join(under, entry.name)]));

describe("the static export of the results pages", () => {
  let app: TestApp;
  let made: Awaited<ReturnType<typeof publishedElections>>;
  const dir = join(mkdtempSync(join(tmpdir(), "export-site-")), "site");
  let output: string;

  beforeAll(async () => {
    app = await createTestApp({ admins: ["Admin"] });
    made = await publishedElections(app);
    const { stdout } = await run("npx", ["tsx", "adapters/web/results/export-cli.ts", dir], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: `file:${app.store.location}`, DEFAULT_LOCALE: "en" },
    });
    output = stdout;
  });
  afterAll(() => app.close());

  it("writes every page in fi, en and sv and the certified election's record with its checksum, and nothing of the others", () => {
    const written = files(dir).sort();
    const g = made.group;
    const e = made.certified;
    expect(written).toEqual(
      [
        "index.html",
        "index.fi.html",
        "index.en.html",
        "index.sv.html",
        `${g}/index.html`,
        ...["fi", "en", "sv"].map((l) => `${g}/index.${l}.html`),
        ...["fi", "en", "sv"].map((l) => `${g}/${e}.${l}.html`),
        `${g}/${e}-record.json`,
        `${g}/${e}-record.json.sha256`,
      ].sort(),
    );
    expect(output).toContain(`${written.length} files written`);
    for (const file of written) {
      const text = readFileSync(join(dir, file), "utf8");
      for (const id of [made.draft, made.closed, made.nominating]) expect(text).not.toContain(id);
      for (const voter of onlyVoters) expect(text).not.toContain(voter);
    }
    // index.html is in the council's language (DEFAULT_LOCALE=en here).
    expect(readFileSync(join(dir, "index.html"), "utf8")).toContain('<html lang="en">');
  });

  it("keeps the record's bytes, so its SHA-256 is the announced hash", () => {
    const bytes = readFileSync(join(dir, made.group, `${made.certified}-record.json`));
    expect(bytes.equals(Buffer.from(made.record, "utf8"))).toBe(true);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(made.recordHash);
    expect(readFileSync(join(dir, made.group, `${made.certified}-record.json.sha256`), "utf8")).toBe(`${made.recordHash}  ${made.certified}-record.json\n`);
  });

  it("links only to files it wrote, relative to the page, in the page's language", () => {
    for (const file of files(dir).filter((f) => f.endsWith(".html"))) {
      const text = readFileSync(join(dir, file), "utf8");
      const hrefs = [...text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        expect(href).not.toMatch(/^\/|^https?:/);
        expect(existsSync(join(dir, dirname(file), decodeURIComponent(href))), `${file} → ${href}`).toBe(true);
      }
    }
    const swedish = readFileSync(join(dir, made.group, `${made.certified}.sv.html`), "utf8");
    expect(swedish).toContain(`href="../${made.group}/index.sv.html"`);
    expect(swedish).toContain("Rösträkningen");
  });
});
