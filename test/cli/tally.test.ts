import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runTally, type TallyIo } from "../../src/cli/tally.ts";

const ward = "/work/shared/data/scottish-council-ballots/edinburgh_2017_ward6.blt";
const scratch = mkdtempSync(join(tmpdir(), "tally-"));
const broken = join(scratch, "broken.blt");
writeFileSync(broken, '3 1\n2 1 2 0\n1 2 7 0\n0\n"A"\n"B"\n"C"\n"T"\n');

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const io: TallyIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: async (path) => (await import("node:fs/promises")).readFile(path, "utf8"),
    env,
  };
  const code = await runTally(argv, io);
  return { code, stdout, stderr };
}

describe("tally CLI (in process)", () => {
  it("prints one JSON object with names in order of election and every round", async () => {
    const { code, stdout } = await run(["--json", ward]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ method: "stv", seats: 3, quota: 2858 });
    expect(result.elected).toEqual(["Scott DOUGLAS (C)", "Gillian GLOYER (LD)", "Frank ROSS (SNP)"]);
    expect(result.rounds[0].votes["Scott DOUGLAS (C)"]).toBe(3819);
    expect(result.rounds.length).toBeGreaterThan(1);
  });

  it("writes a readable report of every round in Finnish by default", async () => {
    const { code, stdout } = await run([ward]);
    expect(code).toBe(0);
    expect(stdout).toContain("Äänikynnys: 2858");
    expect(stdout).toContain("Kierros 1: ensimmäiset preferenssit");
    expect(stdout).toContain("Karsittu: James NISBET (UKIP)");
    expect(stdout).toContain("Valitut: Scott DOUGLAS (C), Gillian GLOYER (LD), Frank ROSS (SNP)");
  });

  it("speaks Swedish with --lang sv and English from DEFAULT_LOCALE", async () => {
    expect((await run(["--lang", "sv", ward])).stdout).toContain("Valkvot: 2858");
    expect((await run([ward], { DEFAULT_LOCALE: "en" })).stdout).toContain("Round 2: transfer of a surplus");
  });

  it("counts by other methods and seats from the options", async () => {
    const plurality = JSON.parse((await run(["--json", "--method", "plurality", "--seats", "2", ward])).stdout);
    expect(plurality).toMatchObject({ method: "plurality", seats: 2 });
    expect(plurality).not.toHaveProperty("quota");
    expect(plurality.elected).toHaveLength(2);
    const irv = JSON.parse((await run(["--json", "--method", "irv", ward])).stdout);
    expect(irv.seats).toBe(1);
  });

  it("names the line and what was expected in a malformed file, exit code 2", async () => {
    const { code, stderr, stdout } = await run(["--lang", "en", broken]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("line 3: expected candidate numbers from 1 to 3");
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses bad options with a localized message and exit code 2", async () => {
    expect(await run(["--method", "borda", ward])).toMatchObject({ code: 2, stderr: expect.stringContaining("Tuntematon laskentatapa ”borda”") });
    expect(await run(["--seats", "0", ward])).toMatchObject({ code: 2, stderr: expect.stringContaining("positiivinen kokonaisluku") });
    expect(await run(["--lang", "de", ward])).toMatchObject({ code: 2, stderr: expect.stringContaining("Tuntematon kieli ”de”") });
    expect(await run(["--lang", "en", "--frobnicate", ward])).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option “--frobnicate”") });
    expect(await run(["--lang", "en"])).toMatchObject({ code: 2, stderr: expect.stringContaining("Give the path of the BLT file") });
    expect(await run(["--method", "irv", "--seats", "2", ward])).toMatchObject({ code: 2 });
    expect(await run([join(scratch, "missing.blt")])).toMatchObject({ code: 2, stderr: expect.stringContaining("ei voi lukea") });
  });

  it("names an option left without its value, and a switch given one, instead of counting something else", async () => {
    // `--seats --json`: the next option is not the number of seats.
    expect(await run(["--lang", "en", "--seats", "--json", ward])).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("The option --seats needs a value.") });
    expect(await run(["--lang", "en", ward, "--seats"])).toMatchObject({ code: 2, stderr: expect.stringContaining("The option --seats needs a value.") });
    expect(await run(["--lang", "en", "--json=yes", ward])).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option “--json=yes”") });
    // Every refusal shows a correct command to copy.
    expect((await run(["--lang", "sv", "--seats"])).stderr).toContain("Exempel: npm run tally -- --method stv --seats 3");
  });

  it("counts several files one after another in one run, each headed by its file; JSON one object a line", async () => {
    const other = "/work/shared/data/scottish-council-ballots/orkney_2012_ward5.blt";
    const one = async (file: string) => (await run(["--lang", "en", file])).stdout;
    const both = await run(["--lang", "en", ward, other]);
    expect(both).toMatchObject({ code: 0, stderr: "" });
    expect(both.stdout).toBe(`File: ${ward}\n${await one(ward)}\nFile: ${other}\n${await one(other)}`);

    const lines = (await run(["--json", other, ward])).stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => JSON.parse(line).file)).toEqual([other, ward]);
    const { file: _, ...counted } = JSON.parse(lines[1]!);
    expect(counted).toEqual(JSON.parse((await run(["--json", ward])).stdout));
  });

  it("refuses options of one election with several files, and counts none when one file is bad, exit code 2", async () => {
    const other = "/work/shared/data/scottish-council-ballots/orkney_2012_ward5.blt";
    for (const options of [["--seats", "3"], ["--sectors", "x.csv"], ["--quota", "a=1"]]) {
      expect(await run(["--lang", "en", ...options, ward, other])).toMatchObject({
        code: 2,
        stdout: "",
        stderr: expect.stringContaining("--seats, --sectors and --quota belong to one election: give one BLT file with them."),
      });
    }
    expect(await run(["--lang", "en", ward, broken])).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining(broken) });
    expect(await run(["--lang", "en", ward, join(scratch, "missing.blt")])).toMatchObject({ code: 2, stdout: "" });
  });

  it("explains itself in the reader's language: usage, every option and an example", async () => {
    const { code, stdout, stderr } = await run(["--lang", "sv", "--help"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("Användning: npm run tally -- [alternativ] <fil>");
    for (const option of ["--method <method>", "--seats <n>", "--seed <seed>", "--sectors <file>", "--quota <sector=max>", "--json", "--lang <lang>", "-h, --help"]) expect(stdout).toContain(option);
    expect(stdout).toContain("standard stv");
    expect(stdout).toContain("Exempel:");
    expect((await run(["-h"])).stdout).toContain("Käyttö: npm run tally");
  });
});

describe("tally CLI with sector quotas", () => {
  // Anna and Bertta lead; both are social and health, spelled as profiles stored it before the council's list.
  const election = join(scratch, "sote.blt");
  writeFileSync(election, '3 2\n10 1 2 0\n8 2 1 0\n3 3 0\n0\n"Anna"\n"Bertta"\n"Cecilia"\n"Sote"\n');
  const sectors = join(scratch, "sote-sectors.csv");
  writeFileSync(sectors, "number,name,sector\n1,Anna,Sote\n2,Bertta,SOTE\n3,Cecilia,Kulttuuri\n");

  it("refuses a quota without the sectors file instead of counting without it, exit code 2", async () => {
    const { code, stdout, stderr } = await run(["--quota", "sote=1", election]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Kiintiö (--quota) tarvitsee ehdokkaiden toimialat");
    expect((await run(["--lang", "en", "--quota", "sote=1", election])).stderr).toContain("A quota (--quota) needs the candidates' sectors");
  });

  it("refuses a quota for a sector no candidate has, naming the sectors, exit code 2", async () => {
    const { code, stdout, stderr } = await run(["--sectors", sectors, "--quota", "sosiaali=1", election]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Kiintiön toimialaa ”sosiaali” ei ole yhdelläkään ehdokkaalla");
    expect(stderr).toContain("Toimialat: Sote, Kulttuuri");
  });

  it("applies the quota to every spelling of the sector", async () => {
    const { code, stdout } = await run(["--json", "--sectors", sectors, "--quota", "sote=1", election]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).elected).toEqual(["Anna", "Cecilia"]);
  });
});

describe("tally CLI (the real script)", () => {
  const script = join(import.meta.dirname, "../../src/cli/tally.ts");
  const tsx = join(import.meta.dirname, "../../node_modules/.bin/tsx");
  const exec = promisify(execFile);

  it("prints JSON and exits 0 for a good file", async () => {
    const { stdout } = await exec(tsx, [script, "--json", ward]);
    expect(JSON.parse(stdout).elected).toEqual(["Scott DOUGLAS (C)", "Gillian GLOYER (LD)", "Frank ROSS (SNP)"]);
  }, 30_000);

  it("exits 2 with a message and no stack trace for a malformed file", async () => {
    const failure = await exec(tsx, [script, "--lang", "en", broken]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain("line 3");
    expect(failure?.stderr).not.toContain("    at ");
  }, 30_000);
});

describe("npm run tally (the prebuilt bundle, plain Node)", () => {
  const root = join(import.meta.dirname, "../..");
  const exec = promisify(execFile);

  it("counts as the README documents it, from a bundle that carries no database, platform or logging code", async () => {
    const { stdout } = await exec("npm", ["run", "--silent", "tally", "--", "--json", "--seats", "2", ward], { cwd: root });
    expect(JSON.parse(stdout)).toMatchObject({ seats: 2, elected: ["Scott DOUGLAS (C)", "Gillian GLOYER (LD)"] });
    const { inputs } = JSON.parse(readFileSync(join(root, "dist/tally.inputs.json"), "utf8")) as { inputs: string[] };
    expect(inputs).toContain("src/cli/tally.ts");
    const unneeded = /^(src\/(store|generated)|adapters)\/|node_modules\/(@?prisma|discord\.js|@discordjs|@slack|pino|better-sqlite3|pg)\//;
    expect(inputs.filter((input) => unneeded.test(input))).toEqual([]);
    // Everything else is inside the bundle: Node reads one file, not node_modules.
    const required = [...readFileSync(join(root, "dist/tally.cjs"), "utf8").matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((specifier) => !specifier?.startsWith("node:"))).toEqual([]);
  }, 30_000);

  it("counts the same from V8's code cache as without it, and a cache from elsewhere is ignored", async () => {
    const cache = join(root, "dist/tally.cjs.v8cache");
    const tally = () => exec(process.execPath, ["scripts/run.cjs", "tally", "--lang", "sv", ward], { cwd: root }).then(({ stdout }) => stdout);
    rmSync(cache, { force: true });
    const compiled = await tally();
    expect(compiled).toContain("Vald: Scott DOUGLAS (C) (3819,00000 röster)");
    expect(existsSync(cache)).toBe(true);
    expect(await tally()).toBe(compiled);
    writeFileSync(cache, "not a code cache");
    expect(await tally()).toBe(compiled);
  }, 30_000);

  it("bin/tally, without npm, from any folder and through a link, answers as npm run tally does", async () => {
    const { stdout: byNpm } = await exec("npm", ["run", "--silent", "tally", "--", "--lang", "en", ward, ward], { cwd: root });
    const link = join(scratch, "tally-link");
    rmSync(link, { force: true });
    symlinkSync(join(root, "bin/tally"), link);
    const { stdout: direct } = await exec(link, ["--lang", "en", ward, ward], { cwd: scratch });
    expect(direct).toBe(byNpm);
    expect(direct).toContain("Elected: Scott DOUGLAS (C), Gillian GLOYER (LD), Frank ROSS (SNP)");
    const failure = await exec(join(root, "bin/tally"), ["--lang", "en", broken], { cwd: scratch }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain("line 3: expected candidate numbers from 1 to 3");
  }, 30_000);

  it("exits 2 with a localized message and no stack trace", async () => {
    const failure = await exec("npm", ["run", "--silent", "tally", "--", "--lang", "en", broken], { cwd: root }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain("line 3: expected candidate numbers from 1 to 3");
    expect(failure?.stderr).not.toContain("    at ");
  }, 30_000);
});
