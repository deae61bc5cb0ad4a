import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWeb, type WebServer } from "../../adapters/web/server.ts";
import { candidateNames, onlyVoters, publishedElections } from "../support/published-elections.ts";
import { publishedMinutes } from "../support/published-minutes.ts";
import { createTestApp, silentLogger, type TestApp } from "../support/test-app.ts";

// The results page in a real browser: Debian's chromium (`apt-get install chromium`; .ci/run installs
// it when missing), driven by Playwright, with JavaScript switched off as the page promises to need
// none, at a phone's width. The screenshot in the README is this test's: UPDATE_SCREENSHOTS=1 writes
// it to docs/results-page.png (otherwise to a scratch folder, so a test run leaves the tree clean).

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), "results-page-"));

// A browser start and a whole election on a machine shared with other test files: generous limits.
describe("the public results page in chromium", { timeout: 90_000 }, () => {
  let app: TestApp;
  let web: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let made: Awaited<ReturnType<typeof publishedElections>>;
  let minutes: Awaited<ReturnType<typeof publishedMinutes>>;
  const cspErrors: string[] = [];

  beforeAll(async () => {
    app = await createTestApp({ admins: ["Admin"] });
    made = await publishedElections(app);
    minutes = await publishedMinutes(app);
    web = await startWeb({ app, logger: silentLogger, port: 0, host: "127.0.0.1", databaseReady: () => app.store.ping(), defaultLocale: "fi" });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: "fi-FI", acceptDownloads: true });
    context.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspErrors.push(message.text());
    });
  }, 90_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await web?.close();
    await app?.close();
  });

  it("leads from the index to the election, draws every round, switches language, and leaves out every voter", async () => {
    const page = await context.newPage();
    expect((await page.goto(`${web.url}/results`))?.status()).toBe(200);
    await page.getByRole("link", { name: "Viestintä" }).click();
    await page.getByRole("link", { name: "Edustajat 2027" }).click();
    expect(new URL(page.url()).pathname).toBe(`/results/${made.group}/${made.certified}`);

    const record = JSON.parse(made.record) as { count: { rounds: unknown[] } };
    expect(record.count.rounds.length).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.locator("svg.chart g[data-round]").count()).toBe(record.count.rounds.length);
    // The chart is laid out (the stylesheet is allowed by the CSP) and fits the phone's width.
    const box = await page.locator("svg.chart").boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.width).toBeLessThanOrEqual(390);
    expect(await page.locator("h2#count").textContent()).toBe("Ääntenlasku");

    const body = await page.locator("body").innerText();
    for (const name of candidateNames()) expect(body).toContain(name);
    for (const voter of onlyVoters) expect(await page.content()).not.toContain(voter);

    // Nothing wider than the phone: the full page's PNG is 390 CSS pixels wide (IHDR width at byte 16).
    const full = await page.screenshot({ fullPage: true });
    expect(full.readUInt32BE(16)).toBe(390 * 2);
    // The README's picture: the page from the top to the end of the chart.
    const chart = await page.locator("svg.chart").boundingBox();
    await page.screenshot({
      path: process.env.UPDATE_SCREENSHOTS === "1" ? "docs/results-page.png" : join(scratch, "results-page.png"),
      fullPage: true,
      clip: { x: 0, y: 0, width: 390, height: Math.ceil(chart!.y + chart!.height + 16) },
    });
    expect(body).toContain("kulttuuri");
    expect(body).toContain("Kuopion Hiihtoseura");

    await page.getByRole("link", { name: "English" }).click();
    expect(await page.locator("h2#count").textContent()).toBe("The count");
    expect(await page.locator("h2#record").textContent()).toBe("Election record");
    // Links keep the language: the group's page is in English too.
    await page.getByRole("link", { name: "Elections of Viestintä" }).click();
    expect(await page.locator("h1").textContent()).toBe("Viestintä: election results");
    await page.getByRole("link", { name: "Edustajat 2027" }).click();
    await page.getByRole("link", { name: "svenska" }).click();
    expect(await page.locator("h2#count").textContent()).toBe("Rösträkningen");
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    expect(cspErrors).toEqual([]);
    await page.close();
  });

  it("downloads the record, which `npm run verify` accepts with the hash the page shows", async () => {
    const page = await context.newPage();
    await page.goto(`${web.url}/results/${made.group}/${made.certified}?lang=en`);
    const shown = (await page.locator("[data-record-hash]").textContent())!.trim();
    expect(shown).toBe(made.recordHash);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("a[data-record]").click()]);
    expect(download.suggestedFilename()).toBe(`${made.certified}-record.json`);
    const file = join(scratch, download.suggestedFilename());
    await download.saveAs(file);
    const { stdout } = await run(process.execPath, ["scripts/run.cjs", "verify", file, "--hash", shown, "--lang", "en"], { cwd: process.cwd() });
    expect(stdout).toContain(`record verified: ${made.certified}`);
    await page.close();
  });

  it("does not reach a draft, an election taking nominations, a closed but uncertified one, or draft minutes", async () => {
    const page = await context.newPage();
    const notFound = "Only certified election results and checked or approved minutes are published.";
    for (const id of [made.draft, made.nominating, made.closed]) {
      const response = await page.goto(`${web.url}/results/${made.group}/${id}?lang=en`);
      expect(response?.status()).toBe(404);
      expect(await page.locator("main").innerText()).toContain(notFound);
    }
    for (const path of [`minutes/${minutes.draft}`, `minutes/${minutes.draft}.md`]) {
      const response = await page.goto(`${web.url}/results/${made.group}/${path}?lang=en`);
      expect(response?.status()).toBe(404);
      expect(await page.locator("main").innerText()).toContain(notFound);
    }
    await page.goto(`${web.url}/results/${made.group}?lang=en`);
    expect(await page.locator("main a").allTextContents()).toEqual([
      "All working groups",
      "Edustajat 2027",
      "Meeting 1 (1/2026), 03/12/2026",
      "Meeting 2 (2/2026), 10/12/2026",
    ]);
    await page.close();
  });

  it("lists the checked and approved minutes and opens each with its text and the SHA-256 of exactly that text", async () => {
    const page = await context.newPage();
    await page.goto(`${web.url}/results?lang=fi`);
    await page.getByRole("link", { name: "Viestintä" }).click();
    expect(await page.locator("[data-minutes-list] a").allTextContents()).toEqual(["Kokous 1 (1/2026), 3.12.2026", "Kokous 2 (2/2026), 10.12.2026"]);
    for (const n of [minutes.checked, minutes.approved]) {
      await page.goto(`${web.url}/results/${made.group}?lang=fi`);
      await page.locator("[data-minutes-list] a").nth(n - 1).click();
      expect(await page.locator("h1").textContent()).toBe(`Pöytäkirja: Viestintä, kokous ${n} (${n}/2026)`);
      // What the reader sees is the approved text, character for character, and the hash is of it.
      const shown = await page.locator("pre[data-minutes]").textContent();
      expect(shown).toBe(minutes.texts[n]);
      const hash = createHash("sha256").update(shown!, "utf8").digest("hex");
      expect((await page.locator("[data-minutes-hash]").textContent())!.trim()).toBe(hash);
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator("a[data-minutes-text]").click()]);
      const file = join(scratch, `minutes-${n}.md`);
      await download.saveAs(file);
      expect(createHash("sha256").update(readFileSync(file)).digest("hex")).toBe(hash);
    }
    // Meeting 1 reports the elections closed before it: the certified one with its record's hash.
    await page.goto(`${web.url}/results/${made.group}/minutes/1`);
    expect(await page.locator("pre[data-minutes]").textContent()).toContain(`Vaalipöytäkirjan SHA-256: \`${made.recordHash}\``);
    await page.getByRole("link", { name: "English" }).click();
    expect(await page.locator("h1").textContent()).toBe("Minutes: Viestintä, meeting 1 (1/2026)");
    expect(cspErrors).toEqual([]);
    await page.close();
  });

  it("links the newsletter archive from the group's page, and the link opens it in the reader's language", async () => {
    const page = await context.newPage();
    await page.goto(`${web.url}/results/${made.group}?lang=sv`);
    await page.getByRole("link", { name: "Nyhetsbrev" }).click();
    expect(new URL(page.url()).pathname).toBe("/newsletter/");
    expect(await page.locator("h1").textContent()).toBe("Nyhetsbrev");
    await page.close();
  });
});
