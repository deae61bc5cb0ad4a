import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runTally } from "../../src/cli/tally.ts";
import { receiptHash } from "../../src/core/elections/record/receipts.ts";
import { verifyRecord } from "../../src/core/elections/record/verify.ts";
import { idIn, receiptIn } from "../support/election-replies.ts";
import { createTestApp, replyText, type TestApp } from "../support/test-app.ts";

// An election through close on a real SQLite file: the record is stored, its hash announced and
// shown, the export gives the JSON, and the verify CLI (spawned as bin/verify, the bundle `npm run
// verify` runs, without npm) accepts it and rejects tampered copies.

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), "record-"));
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

async function verifyCli(file: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(join(process.cwd(), "bin/verify"), [file, "--lang", "en", ...args], { cwd: scratch });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the election record", () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Admin"] });
    await app.say("Admin", "group create Viestintä");
    await app.say("Admin", "group link-channel Viestintä #viestinta");
    for (const name of ["Anna", "Bertta", "Cecilia", "Daniel", "Eero"]) await app.say("Admin", `group add Viestintä ${name}`);
  });
  afterEach(() => app.close());

  async function election(spec: string, lists: Record<string, string> = {}): Promise<string> {
    const id = idIn(await app.say("Admin", `election create Viestintä ${spec}`));
    await app.say("Admin", `election open-nominations ${id}`);
    for (const name of ["Anna", "Bertta", "Cecilia", "Daniel"]) {
      await app.say(name, `election nominate ${id}`);
      expect(await app.say(name, `election accept ${id} --confirm`)).toContain("Olet ehdokkaana");
    }
    for (const [name, list] of Object.entries(lists)) expect(await app.say("Admin", `election candidate-list ${id} ${name} ${list}`)).toContain(`listalla ${list}`);
    await app.say("Admin", `election open ${id} --confirm`);
    return id;
  }

  it("is stored at close, announced and shown by its hash, exported as the JSON, and verified by the CLI; tampered copies fail", async () => {
    // Ballot numbers follow names: 1 Anna, 2 Bertta, 3 Cecilia, 4 Daniel.
    const id = await election("2 stv Edustajat 2027");
    const receipts: string[] = [];
    for (const [voter, choices] of [["Admin", "1 2"], ["Anna", "1 3"], ["Bertta", "2 1"], ["Cecilia", "3"], ["Daniel", "1 4"], ["Eero", "2 3"]] as const) {
      const cast = await app.say(voter, `election vote ${id} ${choices} --confirm`);
      receipts.push(receiptIn(cast));
      // The voter learns how their receipt appears in the published list.
      expect(cast).toContain(receiptHash(id, receipts.at(-1)!).slice(0, 16));
    }
    await app.say("Admin", `election close ${id} --confirm`);

    const { election: closed } = await app.services.elections.show(await app.invocation("Admin"), id);
    expect(closed.record).not.toBeNull();
    const hash = closed.recordHash!;
    expect(sha256(closed.record!)).toBe(hash);
    expect(app.chat.textsIn("#viestinta").join("\n")).toContain(`Vaalipöytäkirjan SHA-256: ${hash}`);
    expect(await app.say("Eero", `election results ${id}`)).toContain(`Vaalipöytäkirja (SHA-256): ${hash}`);

    const exported = await app.dispatcher.runLine(app.request("Eero"), `election export ${id} record`);
    expect(replyText(exported)).toContain(`npm run verify -- ${id}-record.json`);
    const [file] = exported.attachments ?? [];
    expect(file?.filename).toBe(`${id}-record.json`);
    const text = file!.content;
    expect(sha256(text)).toBe(hash);
    const record = JSON.parse(text);
    expect(record).toMatchObject({ version: 1, election: { id, method: "stv", seats: 2 }, roll: { voters: 6, voted: 6, byDeputy: 0 } });
    expect(record.lot.seed).toBe(closed.seed);
    expect(record.ballots).toHaveLength(6);
    expect(record.count.elected).toEqual(closed.result?.kind === "candidates" ? closed.result.count.elected : null);
    // No receipt anywhere in the record; their hashes, sorted, in a list of their own.
    for (const receipt of receipts) expect(text).not.toContain(receipt);
    expect(record.receipts).toEqual(receipts.map((r) => receiptHash(id, r)).sort());

    const good = join(scratch, `${id}-record.json`);
    writeFileSync(good, text);
    const accepted = await verifyCli(good, "--hash", hash);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain(`record verified: ${id}`);
    expect(accepted.stdout).toContain(hash);

    const tampered = async (name: string, edit: (r: typeof record) => void) => {
      const copy = structuredClone(record);
      edit(copy);
      const path = join(scratch, `${name}.json`);
      writeFileSync(path, JSON.stringify(copy));
      return verifyCli(path, "--hash", hash);
    };
    // Flip one choice: a ballot's first preference becomes another candidate.
    const flipped = await tampered("flipped", (r) => {
      const ballot = r.ballots[0] as number[];
      ballot[0] = [1, 2, 3, 4].find((n) => !ballot.includes(n))!;
    });
    expect(flipped.code).toBe(1);
    expect(flipped.stderr).toContain("SHA-256");
    expect(flipped.stderr).toContain("round 1 differs");
    const seeded = await tampered("seed", (r) => void (r.lot.seed = "0".repeat(32)));
    expect(seeded.code).toBe(1);
    expect(seeded.stderr).toContain("lot seed does not match");
    const dropped = await tampered("dropped", (r) => void r.ballots.pop());
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toContain("5 ballots, but 6 member seats voted");
    const edited = await tampered("result", (r) => void r.count.elected.reverse());
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain("the recount's elected is");

    // A later preference changed leaves every round as it was: the announced hash still catches it.
    const quiet = structuredClone(record);
    (quiet.ballots as number[][]).find((b) => b.length === 1)!.push(4);
    expect(verifyRecord(JSON.stringify(quiet), hash).problems.map((p) => p.key)).toContain("verify.problem.hash");
  });

  it("publishes the ballots without receipts and the receipts as a separate sorted list of hashes", async () => {
    const id = await election("2 stv Edustajat");
    const receipts: string[] = [];
    for (const [voter, choices] of [["Anna", "1 3"], ["Bertta", "2 1"], ["Cecilia", "3"]] as const) receipts.push(receiptIn(await app.say(voter, `election vote ${id} ${choices} --confirm`)));
    await app.say("Admin", `election close ${id} --confirm`);
    const ballots = await app.say("Eero", `election ballots ${id}`);
    for (const receipt of receipts) expect(ballots).not.toContain(receipt);
    const lines = ballots.split("\n");
    expect(lines).toContain("1. Anna › 3. Cecilia");
    const hashes = receipts.map((r) => receiptHash(id, r).slice(0, 16)).sort();
    // Each hash on a line of its own, never on a line with choices.
    for (const hash of hashes) expect(lines).toContain(`\`${hash}\``);
    expect(lines.filter((line) => line.startsWith("`"))).toEqual(hashes.map((h) => `\`${h}\``));
  });

  it("records a yes/no decision too: the answers, the turnout and the outcome verify", async () => {
    const id = idIn(await app.say("Admin", "election create Viestintä 1 yes-no Hyväksytäänkö budjetti"));
    await app.say("Admin", `election open ${id} --confirm`);
    for (const [voter, answer] of [["Anna", "kyllä"], ["Bertta", "yes"], ["Cecilia", "ei"]] as const) await app.say(voter, `election vote ${id} ${answer} --confirm`);
    await app.say("Admin", `election close ${id} --confirm`);
    const { election: closed } = await app.services.elections.show(await app.invocation("Admin"), id);
    const verified = verifyRecord(closed.record!, closed.recordHash!);
    expect(verified.problems).toEqual([]);
    expect(verified.record?.ballots.slice().sort()).toEqual(["no", "yes", "yes"]);
    expect(verified.record?.count).toMatchObject({ yes: 2, no: 1, abstain: 0, passed: true });
    expect(app.chat.textsIn("#viestinta").join("\n")).toContain(`Vaalipöytäkirjan SHA-256: ${closed.recordHash}`);
  });

  it("counts a d'Hondt list vote from the candidates' lists, and certifies only when each named teller has confirmed", async () => {
    expect(await app.say("Admin", "election create Viestintä 3 plurality Edustajat")).toContain("⚠️ Työryhmän Viestintä sääntöjen mukaan vaalit ovat suhteellisia");
    const id = await election("2 dhondt Listavaali", { Anna: "Punainen", Bertta: "Punainen", Cecilia: "Sininen" });
    // Punainen: 1 Anna, 2 Bertta (list total 3); Sininen: 3 Cecilia (2); 4 Daniel alone (0).
    expect(await app.say("Anna", `election vote ${id} 1 2 --confirm`)).toContain("enintään 1");
    for (const [voter, choice] of [["Anna", "1"], ["Bertta", "1"], ["Cecilia", "3"], ["Daniel", "2"], ["Eero", "3"]] as const) {
      expect(await app.say(voter, `election vote ${id} ${choice} --confirm`)).toContain("on tallennettu");
    }
    const closed = await app.say("Admin", `election close ${id} --confirm`);
    // Comparison numbers: Anna 3/1 = 3, Cecilia 2/1 = 2, Bertta 3/2 = 1,5, Daniel 0.
    expect(closed).toContain("Valitut: Anna, Cecilia");
    const { election: done } = await app.services.elections.show(await app.invocation("Admin"), id);
    const verified = verifyRecord(done.record!, done.recordHash!);
    expect(verified.problems).toEqual([]);
    expect(verified.record?.count).toMatchObject({ rounds: [{ lists: { Punainen: 3, Sininen: 2, "#4": 0 } }, { votes: { "1": 3, "2": 1.5, "3": 2, "4": 0 } }] });

    // The BLT export carries the lists in the names, and the tally recounts it to the same winners.
    const exported = await app.dispatcher.runLine(app.request("Eero"), `election export ${id}`);
    const files = new Map((exported.attachments ?? []).map((a) => [a.filename, a.content]));
    expect(files.get(`${id}.blt`)).toContain('"Anna (Punainen)"');
    const command = replyText(exported).match(/npm run tally -- (.*)$/m)![1]!;
    expect(command).toContain("--method dhondt");
    let out = "";
    const code = await runTally([...command.split(" "), "--json"], { stdout: (t) => void (out += t), stderr: (t) => void (out += t), readFile: async (path) => files.get(path)!, env: {} });
    expect(code).toBe(0);
    expect(JSON.parse(out).elected).toEqual(["Anna (Punainen)", "Cecilia (Sininen)"]);

    expect(await app.say("Admin", `election tellers ${id} Bertta Eero`)).toContain("Bertta, Eero");
    expect(await app.say("Admin", `election certify ${id} --confirm`)).toContain("vahvistamatta Bertta, Eero");
    // A teller who is no officer is asked, as an officer is, and confirms with the question's button.
    const asked = await app.dispatcher.runLine(app.request("Bertta"), `election certify ${id}`);
    expect(replyText(asked)).toContain(id);
    const confirm = asked.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons : [])).find((b) => b.style === "danger")!;
    expect(replyText(await app.dispatcher.run(app.request("Bertta"), confirm.call))).toContain("Odottaa vielä: Eero");
    expect(await app.say("Eero", `election certify ${id} --confirm`)).toContain("aluehallituksen vahvistamaksi");
    const history = await app.say("Admin", "group history Viestintä 50");
    expect(history).toContain("Eero vahvisti ääntenlaskijana vaalin");
  });
});
