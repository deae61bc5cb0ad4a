import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onlyVoters, publishedElections } from "../support/published-elections.ts";
import { publishedMinutes } from "../support/published-minutes.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

// `npm run export-site -- <dir>` over a real SQLite file: the same pages as files, with relative
// links that all lead somewhere, the record byte for byte, the final minutes as approved, the
// newsletter archive, and nothing uncertified or in draft.

const run = promisify(execFile);
const files = (dir: string, under = ""): string[] =>
  readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(dir, join(under, entry.name)) : [join(under, entry.name)]));

describe("the static export of the results pages", () => {
  let app: TestApp;
  let made: Awaited<ReturnType<typeof publishedElections>>;
  let minutes: Awaited<ReturnType<typeof publishedMinutes>>;
  let issue: string;
  const dir = join(mkdtempSync(join(tmpdir(), "export-site-")), "site");
  let output: string;

  beforeAll(async () => {
    app = await createTestApp({ admins: ["Admin"] });
    made = await publishedElections(app);
    minutes = await publishedMinutes(app);
    await app.say("Admin", "news add - Kevään tapahtumat -- Tervetuloa kevätkokoukseen.");
    expect(await app.say("Admin", "digest publish #tiedotteet")).not.toContain("Vain");
    issue = (await app.services.publicResults.newsletters())[0]!.id;
    const { stdout } = await run("npx", ["tsx", "adapters/web/results/export-cli.ts", dir], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: `file:${app.store.location}`, DEFAULT_LOCALE: "en" },
    });
    output = stdout;
  });
  afterAll(() => app.close());

  it("writes every page in fi, en and sv, the certified election's record with its checksum, the final minutes and the newsletters, and nothing of the others", () => {
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
        ...[1, 2].flatMap((n) => [...["fi", "en", "sv"].map((l) => `${g}/minutes/${n}.${l}.html`), `${g}/minutes/${n}.md`]),
        "newsletter/index.html",
        ...["fi", "en", "sv"].map((l) => `newsletter/index.${l}.html`),
        `newsletter/${issue}.html`,
      ].sort(),
    );
    expect(output).toContain(`${written.length} files written`);
    // Minutes name the members, present and absent (as an association's minutes do), and report every
    // closed election; the other pages name no voter and no election that is not certified.
    for (const file of written.filter((f) => !f.includes("/minutes/"))) {
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

  it("keeps the minutes' text as approved, so its SHA-256 is the one the page shows", () => {
    for (const n of [minutes.checked, minutes.approved]) {
      const bytes = readFileSync(join(dir, made.group, "minutes", `${n}.md`));
      expect(bytes.equals(Buffer.from(minutes.texts[n]!, "utf8"))).toBe(true);
      const hash = createHash("sha256").update(bytes).digest("hex");
      expect(readFileSync(join(dir, made.group, "minutes", `${n}.en.html`), "utf8")).toContain(`data-minutes-hash>${hash}<`);
    }
    expect(readFileSync(join(dir, made.group, "index.en.html"), "utf8")).toContain(`href="../${made.group}/minutes/1.en.html"`);
    expect(readFileSync(join(dir, "newsletter", "index.fi.html"), "utf8")).toContain(`<a href="${issue}.html">Kooste`);
    expect(readFileSync(join(dir, "newsletter", `${issue}.html`), "utf8")).toContain("Kevään tapahtumat");
  });

  it("links only to files it wrote, relative to the page, in the page's language", () => {
    // Our pages; a newsletter issue is kept as it was published (its own e-mail HTML).
    for (const file of files(dir).filter((f) => f.endsWith(".html") && f !== `newsletter/${issue}.html`)) {
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
