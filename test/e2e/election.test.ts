import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { receiptHash } from "../../src/core/elections/record/receipts.ts";
import { runConsole } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";

const root = join(import.meta.dirname, "../..");
const script = (lines: string[]) => `${lines.join("\n")}\n`;
const match = (text: string, pattern: RegExp): string => {
  const found = pattern.exec(text)?.[1];
  if (!found) throw new Error(`${pattern} not found in:\n${text}`);
  return found;
};

describe("a group's election, driven through the console", () => {
  const databases: ReturnType<typeof tempDatabase>[] = [];
  afterEach(() => databases.splice(0).forEach((db) => db.remove()));

  it("runs nominations and a secret STV vote with a sector quota; receipts, every round, and a BLT that recounts the same", async () => {
    const db = tempDatabase();
    databases.push(db);
    const env = { DATABASE_URL: db.url };
    const profile = (name: string, sector: string) => [`/as ${name}`, `/council profile set sector ${sector}`, `/council profile set organisation ${name}n yhdistys`];

    const setup = await runConsole(
      script([
        "/council group create Viestintä",
        "/council group link-channel Viestintä #viestinta",
        ...["kulttuuri", "liikunta", "nuoriso"].map((sector) => `/council sector add ${sector}`),
        ...["Anna", "Bertta", "Cecilia", "Daniel", "Eero"].map((name) => `/council group add Viestintä ${name}`),
        "/council election create Viestintä 2 stv Edustajat aluevaltuustoon",
        ...profile("Anna", "kulttuuri"),
        ...profile("Bertta", "kulttuuri"),
        ...profile("Cecilia", "liikunta"),
        ...profile("Daniel", "nuoriso"),
      ]),
      env,
    );
    expect(setup.code).toBe(0);
    const id = match(setup.stdout, /\(tunnus (e[a-z0-9]+)\)/);

    const votes: [string, string][] = [
      ["Admin", "1 3"],
      ["Anna", "1 2"],
      ["Bertta", "Bertta Anna"],
      ["Cecilia", "3 4"],
      ["Daniel", "Cecilia, Anna"],
      ["Eero", "1"],
    ];
    const run = await runConsole(
      script([
        `/council election quota ${id} kulttuuri 1`,
        `/council election criteria ${id} Olen jäsenjärjestön varsinainen jäsen`,
        `/council election open-nominations ${id}`,
        ...["Anna", "Bertta", "Cecilia"].flatMap((name) => [`/as ${name}`, `/council election nominate ${id}`, `/council election accept ${id}`, "1"]),
        "/as Admin",
        `/council election nominate ${id} Daniel`,
        "/as Daniel",
        `/council election accept ${id}`,
        "1",
        `/council election candidates ${id}`,
        "/as Admin",
        `/council election open ${id}`,
        "1",
        ...votes.flatMap(([voter, choices]) => [`/as ${voter}`, `/council election vote ${id} ${choices}`, "1"]),
        "/as Eero",
        `/council election vote ${id} 3 --confirm`,
        "/as Admin",
        `/council election close ${id}`,
        "1",
        `/council election results ${id}`,
        `/council election ballots ${id}`,
        `/council election export ${id}`,
      ]),
      env,
    );
    expect(run.code).toBe(0);
    const out = run.stdout;

    // Nominations: criteria confirmed, the list shows sector and organisation from each profile.
    expect(out).toContain("Vahvistat täyttäväsi kelpoisuusehdot:\n1. Olen jäsenjärjestön varsinainen jäsen");
    expect(out).toContain("[kanavalle #viestinta] 🗳️ Daniel on hyväksynyt ehdokkuutensa");
    expect(out).toContain("- Cecilia · liikunta · Cecilian yhdistys");

    // Opening publishes the seed's hash; closing publishes the seed, which matches it.
    const hash = match(out, /Arvonnan siemenen SHA-256-tiiviste: ([0-9a-f]{64})/);
    const seed = match(out, /Arvonnan siemen: ([0-9a-f]{32})/);
    expect(createHash("sha256").update(seed).digest("hex")).toBe(hash);

    // Each voter reviewed the ballot, confirmed it and got a receipt; the second try was refused.
    expect(out).toContain("Äänestyslippusi vaalissa Edustajat aluevaltuustoon etusijajärjestyksessä:\n2. Bertta\n1. Anna");
    const receipts = [...out.matchAll(/Kuittisi: ([A-Z0-9]{4}-[A-Z0-9]{4})/g)].map((m) => m[1]!);
    expect(receipts).toHaveLength(6);
    expect(out).toContain("Olet jo äänestänyt vaalissa Edustajat aluevaltuustoon");

    // The published anonymous list shows the ballots, and apart from them every receipt as a hash, never the receipt itself.
    const ballots = out.slice(out.indexOf("nimetön lippulista (6 lippua)"));
    for (const receipt of receipts) expect(ballots).toContain(`- ${receiptHash(id, receipt).slice(0, 16)}`);
    for (const receipt of receipts) expect(ballots).not.toContain(receipt);
    expect(ballots).toContain("2. Bertta › 1. Anna");

    // The result shows the quota and every round.
    const results = out.slice(out.lastIndexOf("== Vaalin tulos: Edustajat aluevaltuustoon =="), out.indexOf("nimetön lippulista (6 lippua)"));
    expect(results).toContain("Äänikynnys (Droop): 3,00000");
    expect(results).toContain("Kierros 1: ensimmäiset preferenssit");
    expect(results).toContain("Anna: valittu kierroksella 1, 3,00000 ääntä – saavutti äänikynnyksen 3,00000");
    expect(results).toMatch(/Cecilia: valittu kierroksella \d/);
    expect(out).toContain("Valitut: Anna, Cecilia");

    // The exported BLT recounts to the same winners with the published seed.
    const blt = match(out, new RegExp(`--- ${id}\\.blt ---\\n([\\s\\S]*?)\\n---`));
    const file = join(db.folder, "vaali.blt");
    writeFileSync(file, `${blt}\n`);
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, "scripts/run.cjs"), "tally", "--json", "--method", "stv", "--seats", "2", "--seed", seed, file], { cwd: root });
    const recount = JSON.parse(stdout) as { elected: string[]; rounds: unknown[] };
    expect(recount.elected).toEqual(["Anna", "Cecilia"]);
    const stages = [...results.matchAll(/Kierros (\d+):/g)].length;
    expect(recount.rounds).toHaveLength(stages);
  }, 60_000);

  it("builds a ballot on the console by typing candidates' own numbers; the buttons beside them take letters", async () => {
    const db = tempDatabase();
    databases.push(db);
    const env = { DATABASE_URL: db.url };
    const created = await runConsole(
      script([
        "/council group create Viestintä",
        ...["Anna", "Bertta", "Cecilia", "Daniel", "Eero"].map((name) => `/council group add Viestintä ${name}`),
        "/council election create Viestintä 1 irv Puheenjohtaja",
      ]),
      env,
    );
    const id = match(created.stdout, /\(tunnus (e[a-z0-9]+)\)/);
    const run = await runConsole(
      script([
        `/council election open-nominations ${id}`,
        ...["Anna", "Bertta", "Cecilia", "Daniel"].flatMap((name) => [`/as ${name}`, `/council election nominate ${id}`, `/council election accept ${id}`, "1"]),
        "/as Admin",
        `/council election open ${id}`,
        "1",
        "/as Eero",
        `/council election ballot ${id}`,
        "3",
        "1",
        "9",
        "a",
        "1",
      ]),
      env,
    );
    expect(run.code).toBe(0);
    const out = run.stdout.slice(run.stdout.lastIndexOf("Nyt toimii: Eero"));
    // After choosing 3, the rest keep their numbers: [1] Anna, [2] Bertta, [4] Daniel.
    expect(out).toContain("  [1] 1. Anna\n  [2] 2. Bertta\n  [4] 4. Daniel");
    expect(out).toContain("[a] Tarkista ja äänestä  [b] Aloita alusta");
    expect(out).toContain("Valintaa 9 ei ole.");
    expect(out).toContain("3. Cecilia\n1. Anna");
    expect(out).toMatch(/Kuittisi: [A-Z0-9]{4}-[A-Z0-9]{4}/);
  }, 60_000);
});
