import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testBallotSecret } from "../support/ballot-secret.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const root = join(import.meta.dirname, "../..");

function voteInProcess(url: string, electionId: string, first: number, last: number): Promise<{ stored: number; others: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, "node_modules/.bin/tsx"), [join(root, "test/support/vote-worker.ts"), url, electionId, String(first), String(last)], {
      env: { PATH: process.env.PATH ?? "", BALLOT_SECRET: testBallotSecret.toString("hex") },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as { stored: number; others: string[] }) : reject(new Error(`worker exited ${code}: ${out}`))));
  });
}

describe("two bot processes voting on one SQLite file", () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Admin"] });
  });
  afterEach(() => app.close());

  it("store all 300 simultaneous votes, none refused for a locked database, each once", async () => {
    await app.say("Admin", "group create Viestintä");
    const group = (await app.store.uow.read.groups.findByName("console:local", "Viestintä"))!;
    await app.store.uow.run(async (stores) => {
      for (let n = 1; n <= 300; n++) {
        const person = await stores.people.create({ externalId: `console:äänestäjä ${n}`, displayName: `Äänestäjä ${n}` });
        await stores.groups.addMember({ groupId: group.id, personId: person.id, role: "member" });
      }
    });
    const id = /\b(e[a-z0-9]{4,})\b/.exec(await app.say("Admin", "election create Viestintä 1 yes-no Hyväksytäänkö budjetti"))![1]!;
    await app.say("Admin", `election open ${id} --confirm`);
    const [a, b] = await Promise.all([voteInProcess(`file:${app.store.location}`, id, 1, 150), voteInProcess(`file:${app.store.location}`, id, 151, 300)]);
    expect(a.others).toEqual([]);
    expect(b.others).toEqual([]);
    expect(a.stored + b.stored).toBe(300);
    expect((await app.store.uow.read.elections.rollCounts(id)).voted).toBe(300);
    expect(await app.store.uow.read.elections.sealedBallots(id)).toHaveLength(300);
  }, 120_000);
});
