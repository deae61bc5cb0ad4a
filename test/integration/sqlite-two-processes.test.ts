import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testBallotSecret } from "../support/ballot-secret.ts";
import { idIn } from "../support/election-replies.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const root = join(import.meta.dirname, "../..");

function voteInProcess(
  url: string,
  electionId: string,
  first: number,
  last: number,
  started: (child: ChildProcess) => void = () => {},
  pace: "all-at-once" | "one-by-one" = "all-at-once",
): Promise<{ stored: number; others: string[] }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx as a loader, not the tsx wrapper: a kill must reach the process that votes.
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "test/support/vote-worker.ts"), url, electionId, String(first), String(last), pace], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", BALLOT_SECRET: testBallotSecret.toString("hex") },
      stdio: ["ignore", "pipe", "inherit"],
    });
    started(child);
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => (signal === "SIGKILL" ? resolve({ stored: -1, others: [] }) : code === 0 ? resolve(JSON.parse(out) as { stored: number; others: string[] }) : reject(new Error(`worker exited ${code}: ${out}`))));
  });
}

describe("two bot processes voting on one SQLite file", () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Admin"] });
  });
  afterEach(() => app.close());

  /** A yes/no decision with `voters` members on the roll, voting open. */
  async function openDecision(voters: number): Promise<string> {
    await app.say("Admin", "group create Viestintä");
    const group = (await app.store.uow.read.groups.findByName("console:local", "Viestintä"))!;
    await app.store.uow.run(async (stores) => {
      for (let n = 1; n <= voters; n++) {
        const person = await stores.people.create({ externalId: `console:äänestäjä ${n}`, displayName: `Äänestäjä ${n}` });
        await stores.groups.addMember({ groupId: group.id, personId: person.id, role: "member" });
      }
    });
    const id = idIn(await app.say("Admin", "election create Viestintä 1 yes-no Hyväksytäänkö budjetti"));
    await app.say("Admin", `election open ${id} --confirm`);
    return id;
  }

  it("store all 300 simultaneous votes, none refused for a locked database, each once", async () => {
    const id = await openDecision(300);
    const [a, b] = await Promise.all([voteInProcess(`file:${app.store.location}`, id, 1, 150), voteInProcess(`file:${app.store.location}`, id, 151, 300)]);
    expect(a.others).toEqual([]);
    expect(b.others).toEqual([]);
    expect(a.stored + b.stored).toBe(300);
    expect((await app.store.uow.read.elections.rollCounts(id)).voted).toBe(300);
    expect(await app.store.uow.read.elections.sealedBallots(id)).toHaveLength(300);
  }, 120_000);

  it("lose and double no ballot when a voting process is killed (kill -9) mid-way and the voters try again", async () => {
    const id = await openDecision(120);
    const url = `file:${app.store.location}`;
    let child: ChildProcess | undefined;
    const killed = voteInProcess(url, id, 1, 120, (c) => (child = c), "one-by-one");
    // Kill it once some votes are in, not all.
    for (let voted = 0; voted < 10; voted = (await app.store.uow.read.elections.rollCounts(id)).voted) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child!.kill("SIGKILL");
    expect((await killed).stored).toBe(-1);
    const marked = (await app.store.uow.read.elections.rollCounts(id)).voted;
    // Every voter marked on the roll has exactly one ballot, and nobody else has one.
    expect(await app.store.uow.read.elections.sealedBallots(id)).toHaveLength(marked);
    expect(marked).toBeLessThan(120);
    // Everyone tries again: the ones already in are refused, the rest stored; 120 in all.
    const again = await voteInProcess(url, id, 1, 120);
    expect(again.stored).toBe(120 - marked);
    expect(again.others.every((reply) => reply.includes("already voted"))).toBe(true);
    expect(await app.store.uow.read.elections.sealedBallots(id)).toHaveLength(120);
    await app.say("Admin", `election close ${id} --confirm`);
    expect(await app.store.uow.read.elections.ballots(id)).toHaveLength(120);
  }, 120_000);
});
