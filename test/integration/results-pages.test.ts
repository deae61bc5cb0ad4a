import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWeb, type WebServer } from "../../adapters/web/server.ts";
import { idIn } from "../support/election-replies.ts";
import { candidateNames, onlyVoters, publishedElections } from "../support/published-elections.ts";
import { publishedMinutes } from "../support/published-minutes.ts";
import { createTestApp, silentLogger, type TestApp } from "../support/test-app.ts";

// The public results pages over HTTP, on a real SQLite file with elections made through the core.

describe("the public results pages", () => {
  let app: TestApp;
  let web: WebServer;
  let made: Awaited<ReturnType<typeof publishedElections>>;
  let decision: string;
  let listVote: string;
  let minutes: Awaited<ReturnType<typeof publishedMinutes>>;
  let other: string;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${web.url}${path}`, { headers });
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const response = await get(path, headers);
    return { status: response.status, text: await response.text(), headers: response.headers };
  };

  beforeAll(async () => {
    app = await createTestApp({ admins: ["Admin"] });
    made = await publishedElections(app, { markup: true });
    decision = idIn(await app.say("Admin", "election create Viestintä 1 yes-no Hyväksytäänkö talousarvio"));
    await app.say("Admin", `election open ${decision} --confirm`);
    for (const [voter, answer] of [["Fanni Forsman", "kyllä"], ["Gustav Grönqvist", "kyllä"], ["Hilkka Hämäläinen", "ei"]] as const) await app.say(voter, `election vote ${decision} ${answer} --confirm`);
    await app.say("Admin", `election close ${decision} --confirm`);
    await app.say("Admin", `election certify ${decision} --confirm`);
    listVote = idIn(await app.say("Admin", "election create Viestintä 2 dhondt Listavaali"));
    await app.say("Admin", `election open-nominations ${listVote}`);
    for (const [name, list] of [["Anna Aalto", "Vihreä lista"], ["Bertta Berg", "Vihreä lista"], ["Daniel Dahl", "Sininen lista"]] as const) {
      await app.say(name, `election nominate ${listVote}`);
      await app.say(name, `election accept ${listVote} --confirm`);
      await app.say("Admin", `election candidate-list ${listVote} "${name}" ${list}`);
    }
    await app.say("Admin", `election open ${listVote} --confirm`);
    for (const [voter, choice] of [["Fanni Forsman", "1"], ["Gustav Grönqvist", "2"], ["Hilkka Hämäläinen", "3"]] as const) await app.say(voter, `election vote ${listVote} ${choice} --confirm`);
    await app.say("Admin", `election close ${listVote} --confirm`);
    await app.say("Admin", `election certify ${listVote} --confirm`);
    minutes = await publishedMinutes(app);
    // A group with checked minutes and no election at all is public too.
    await app.say("Admin", "group create Talous");
    await app.say("Admin", 'group add Talous "Anna Aalto"');
    await app.say("Admin", "meeting schedule Talous 20.12.2026 klo 10 Kuopio");
    app.clock.set(new Date("2026-12-20T08:00:00Z"));
    await app.say("Admin", "meeting open Talous --confirm");
    await app.say("Admin", 'meeting officials Talous tarkastajat "Anna Aalto"');
    await app.say("Admin", "meeting close Talous --confirm");
    await app.say("Anna Aalto", "minutes approve Talous 1");
    other = (await app.store.uow.read.groups.findByName((await app.invocation("Admin")).workspaceId, "Talous"))!.id;
    web = await startWeb({ app, logger: silentLogger, port: 0, host: "127.0.0.1", databaseReady: () => app.store.ping(), defaultLocale: "fi" });
  });
  afterAll(async () => {
    await web.close();
    await app.close();
  });

  it("lists the group with its certified election and decision, and shows only those on the group's page", async () => {
    const index = await page("/results");
    expect(index.status).toBe(200);
    expect(index.text).toContain("Vahvistetut vaalitulokset");
    expect(index.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(index.text).toContain(`href="/results/${made.group}?lang=fi"`);
    expect(index.text).toContain("3 vahvistettua vaalia, 2 pöytäkirjaa");
    expect(index.text).toContain(`href="/results/${other}?lang=fi"`);
    expect(index.text).toContain("Talous</a> <span class=\"muted\">(1 pöytäkirja)");
    const group = await page(`/results/${made.group}`);
    expect(group.text).toContain("Edustajat 2027");
    expect(group.text).toContain("Hyväksytäänkö talousarvio");
    for (const hidden of ["Luonnos", "Suljettu vaali", "Ehdokasasettelu"]) expect(group.text).not.toContain(hidden);
  });

  it("answers 404 for a draft, an election taking nominations, a closed but uncertified one, and one under another group", async () => {
    for (const id of [made.draft, made.nominating, made.closed]) {
      expect((await get(`/results/${made.group}/${id}`)).status).toBe(404);
      expect((await get(`/results/${made.group}/${id}/${id}-record.json`)).status).toBe(404);
    }
    expect((await get(`/results/gnothere/${made.certified}`)).status).toBe(404);
    expect((await get(`/results/gnothere`)).status).toBe(404);
    const missing = await page(`/results/${made.group}/${made.draft}?lang=en`);
    expect(missing.text).toContain("Only certified election results and checked or approved minutes are published.");
  });

  it("shows the result, the candidates escaped, every round, the receipts and the record's hash, and no voter's name", async () => {
    const { status, text, headers } = await page(`/results/${made.group}/${made.certified}`);
    expect(status).toBe(200);
    expect(headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(headers.get("content-security-policy")).not.toMatch(/script-src/);
    expect(text).not.toContain("<script");
    expect(text).toContain('<meta name="viewport"');
    expect(text).toContain("Cecilia &lt;b&gt;Carlsson&lt;/b&gt;");
    expect(text).not.toContain("<b>Carlsson</b>");
    const record = JSON.parse(made.record);
    expect(text).toContain(made.recordHash);
    expect(text.match(/data-round="/g)).toHaveLength(record.count.rounds.length);
    expect(record.count.rounds.length).toBeGreaterThan(2);
    for (const receipt of record.receipts) expect(text).toContain(receipt);
    for (const name of candidateNames().slice(0, 2)) expect(text).toContain(name);
    for (const voter of onlyVoters) expect(text).not.toContain(voter);
    expect(text).not.toContain("Admin");
  });

  it("shows a certified yes/no decision with its outcome and one bar per answer", async () => {
    const { status, text } = await page(`/results/${made.group}/${decision}?lang=en`);
    expect(status).toBe(200);
    expect(text).toContain("The decision passed: yes 2, no 1, abstained 0.");
    expect(text.match(/data-round="/g)).toHaveLength(1);
    expect([...text.matchAll(/data-candidate="([^"]+)"/g)].map((m) => m[1])).toEqual(["yes", "no", "abstain"]);
    for (const voter of onlyVoters) expect(text).not.toContain(voter);
  });

  it("shows a list vote's candidates with their lists and each list's total", async () => {
    const { status, text } = await page(`/results/${made.group}/${listVote}?lang=en`);
    expect(status).toBe(200);
    expect(text).toContain("kulttuuri · Kuopion Kamarikuoro · Vihreä lista");
    expect(text).toContain("List totals: Sininen lista 1, Vihreä lista 2");
    const { election } = await app.services.elections.show(await app.invocation("Admin"), listVote);
    expect(text.match(/data-round="/g)).toHaveLength(JSON.parse(election.record!).count.rounds.length);
  });

  it("sends /results/ to /results in the reader's language", async () => {
    const response = await fetch(`${web.url}/results/?lang=sv`, { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/results?lang=sv");
  });

  it("takes the language from ?lang=, else from Accept-Language, else the council's, and its links keep it", async () => {
    const path = `/results/${made.group}/${made.certified}`;
    const fi = await page(path);
    expect(fi.text).toContain('<html lang="fi">');
    expect(fi.text).toContain("Ääntenlasku");
    const sv = await page(path, { "Accept-Language": "sv-FI,sv;q=0.9,en;q=0.5" });
    expect(sv.text).toContain('<html lang="sv">');
    expect(sv.text).toContain("Rösträkningen");
    const en = await page(`${path}?lang=en`, { "Accept-Language": "sv" });
    expect(en.text).toContain("The count");
    expect(en.text).toContain(`href="/results/${made.group}?lang=en"`);
  });

  it("gives the record byte for byte as stored, so its SHA-256 is the announced hash, and a sha256sum line", async () => {
    const response = await get(`/results/${made.group}/${made.certified}/${made.certified}-record.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${made.certified}-record.json"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(Buffer.from(made.record, "utf8"))).toBe(true);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(made.recordHash);
    const line = await page(`/results/${made.group}/${made.certified}/${made.certified}-record.json.sha256`);
    expect(line.text).toBe(`${made.recordHash}  ${made.certified}-record.json\n`);
  });

  it("lists a group's checked and approved minutes, and shows each with its text exactly as approved and its SHA-256", async () => {
    const group = await page(`/results/${made.group}?lang=en`);
    const links = [...group.text.matchAll(/href="(\/results\/[^"]*\/minutes\/[^"]*)"/g)].map((m) => m[1]);
    expect(links).toEqual([`/results/${made.group}/minutes/1?lang=en`, `/results/${made.group}/minutes/2?lang=en`]);
    expect(group.text).toContain("Meeting 1 (1/2026), 03/12/2026");
    expect(group.text).toContain("checked 03/12/2026");
    expect(group.text).toContain("approved at meeting 3 (3/2026)");

    for (const n of [minutes.checked, minutes.approved]) {
      const text = minutes.texts[n]!;
      const hash = createHash("sha256").update(text, "utf8").digest("hex");
      const shown = await page(`/results/${made.group}/minutes/${n}?lang=en`);
      expect(shown.status).toBe(200);
      expect(shown.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(shown.text).toContain(`<span class="hash" data-minutes-hash>${hash}</span>`);
      expect(shown.text).toContain(`Minutes: Viestintä, meeting ${n} (${n}/2026)`);
      const file = await get(`/results/${made.group}/minutes/${n}.md`);
      expect(file.status).toBe(200);
      expect(createHash("sha256").update(Buffer.from(await file.arrayBuffer())).digest("hex")).toBe(hash);
    }
    // Meeting 1's minutes carry the elections closed before it, with the certified one's record hash; never a ballot's receipt.
    const first = await page(`/results/${made.group}/minutes/1`);
    expect(first.text).toContain("Edellisen kokouksen jälkeen päättyneet vaalit");
    expect(first.text).toContain(`Vaalipöytäkirjan SHA-256: \`${made.recordHash}\``);
    for (const receipt of JSON.parse(made.record).receipts) expect(first.text).not.toContain(receipt);
  });

  it("answers a draft's minutes exactly as a meeting that never was: 404 in the catalogue's words", async () => {
    const draft = await page(`/results/${made.group}/minutes/${minutes.draft}?lang=en`);
    const never = await page(`/results/${made.group}/minutes/99?lang=en`);
    expect(draft.status).toBe(404);
    expect(never.status).toBe(404);
    expect(draft.text).toBe(never.text);
    expect(draft.text).toContain("Page not found. Only certified election results and checked or approved minutes are published.");
    expect((await get(`/results/${made.group}/minutes/${minutes.draft}.md`)).status).toBe(404);
    expect((await get(`/results/${made.group}/minutes/1x`)).status).toBe(404);
    // Meeting 1 of Talous is not Viestintä's: a number belongs to its group.
    expect((await get(`/results/${other}/minutes/2`)).status).toBe(404);
  });

  it("links the newsletter archive from every page's header, and the link answers", async () => {
    for (const path of ["/results?lang=sv", `/results/${made.group}?lang=sv`, `/results/${made.group}/minutes/1?lang=sv`, `/results/${made.group}/${made.certified}?lang=sv`]) {
      expect((await page(path)).text).toContain('<a href="/newsletter/?lang=sv" data-newsletter>Nyhetsbrev</a>');
    }
    const archive = await page("/newsletter/?lang=sv");
    expect(archive.status).toBe(200);
    expect(archive.text).toContain("<title>Nyhetsbrev</title>");
  });
});
