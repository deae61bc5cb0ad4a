import type { ChildProcess } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { databaseOf, openYesNoVote, voteInProcess } from "../support/vote-process.ts";

describe("two bot processes voting on one SQLite file", () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Admin"] });
  });
  afterEach(() => app.close());

  it("store all 300 simultaneous votes, none refused for a locked database, each once", async () => {
    const id = await openYesNoVote(app, 300);
    const [a, b] = await Promise.all([voteInProcess(databaseOf(app), id, 1, 150), voteInProcess(databaseOf(app), id, 151, 300)]);
    expect(a.others).toEqual([]);
    expect(b.others).toEqual([]);
    expect(a.stored + b.stored).toBe(300);
    expect((await app.store.uow.read.elections.rollCounts(id)).voted).toBe(300);
    expect(await app.store.uow.read.elections.sealedBallots(id)).toHaveLength(300);
  }, 120_000);

  it("lose and double no ballot when a voting process is killed (kill -9) mid-way and the voters try again", async () => {
    const id = await openYesNoVote(app, 120);
    const database = databaseOf(app);
    let child: ChildProcess | undefined;
    const killed = voteInProcess(database, id, 1, 120, (c) => (child = c), "one-by-one");
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
    const again = await voteInProcess(database, id, 1, 120);
    expect(again.stored).toBe(120 - marked);
    expect(again.others.every((reply) => reply.includes("already voted"))).toBe(true);
    expect(await app.store.uow.read.elections.sealedBallots(id)).toHaveLength(120);
    await app.say("Admin", `election close ${id} --confirm`);
    expect(await app.store.uow.read.elections.ballots(id)).toHaveLength(120);
  }, 120_000);
});
