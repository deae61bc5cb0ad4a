import { consoleIdentity, consoleWorkspace } from "../../adapters/console/directory.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Decision } from "../../src/core/decisions/decision.ts";
import type { Election, ElectionState } from "../../src/core/elections/election.ts";
import { newsKey, type NewsItem } from "../../src/core/digest/news.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, type Backend, type TestApp } from "../support/test-app.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];

/**
 * What the callers kept when they read every decision (newest first) or election (created first) of
 * the group: the reference the narrow store reads must agree with, order included.
 */
/** The workspace-wide reads (the digest's) narrowed to one group's rows, to compare with that group's whole list. */
const ofGroup = <Row extends { groupId: string }>(groupId: string, rows: readonly Row[]) => rows.filter((row) => row.groupId === groupId);

const reference = {
  // overview
  openDecisions: (all: readonly Decision[]) => all.filter((d) => d.state === "open"),
  inProgress: (all: readonly Election[]) => all.filter((e) => e.state === "nominating" || e.state === "voting"),
  // the digest's decisions: open ones made before the end, and those decided within the period
  openOrDecidedIn: (all: readonly Decision[], from: Date, to: Date) =>
    all.filter((d) => (d.state === "open" && d.createdAt < to) || (d.outcome && d.closedAt && d.closedAt >= from && d.closedAt < to)),
  // the digest's results
  closedIn: (all: readonly Election[], from: Date, to: Date) => all.filter((e) => e.closedAt && e.closedAt >= from && e.closedAt < to),
  // a meeting's minutes: closed after the previous meeting closed, through this one's close; by closing, then id
  closedAfterThrough: (all: readonly Election[], after: Date | null, through: Date) =>
    all
      .filter((e) => e.closedAt !== null && e.closedAt.getTime() > (after?.getTime() ?? Number.NEGATIVE_INFINITY) && e.closedAt.getTime() <= through.getTime())
      .sort((a, b) => a.closedAt!.getTime() - b.closedAt!.getTime() || a.id.localeCompare(b.id)),
  // the public group page
  certified: (all: readonly Election[]) => all.filter((e) => e.state === "certified"),
};

const at = (iso: string) => new Date(iso);
// The digest's week and the moments on and either side of its ends.
const from = at("2026-12-07T00:00:00Z");
const to = at("2026-12-14T00:00:00Z");
const justBefore = (d: Date) => new Date(d.getTime() - 1);

describe.each(backends)("decisions, elections, action items and news chosen by narrow reads on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ backend, start: new Date("2026-11-28T10:00:00Z") });
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group create Talous");
  });
  afterEach(() => app.close());

  const groupId = async (name: string) => (await app.store.uow.read.groups.findByName(consoleWorkspace, name))!.id;

  /** A long-lived group's decisions and elections, with times exactly on the period's and windows' ends, and the other group's beside them. */
  async function history() {
    const [id, other] = [await groupId("Viestintä"), await groupId("Talous")];
    const anna = (await app.store.uow.read.people.findByExternalId(consoleIdentity("Anna").externalId))!.id;
    // [created, closed (null: open)] in number order.
    const decisions: [Date, Date | null][] = [
      [at("2026-11-01T00:00:00Z"), null], // 1 open, made long before
      [at("2026-11-01T00:00:00Z"), at("2026-11-20T00:00:00Z")], // 2 decided long before
      [at("2026-12-01T00:00:00Z"), from], // 3 decided at the period's start: in it
      [at("2026-12-01T00:00:00Z"), justBefore(from)], // 4 decided just before it
      [at("2026-12-08T00:00:00Z"), to], // 5 decided at its end: the next period's
      [at("2026-12-08T00:00:00Z"), justBefore(to)], // 6 decided at its last moment
      [justBefore(to), null], // 7 open, made at the period's last moment
      [to, null], // 8 open, made at its end: not yet in it
      [at("2026-12-20T00:00:00Z"), null], // 9 open, made after it
      [at("2026-12-09T00:00:00Z"), at("2026-12-10T00:00:00Z")], // 10 decided inside it
    ];
    // [created, state, closed, certified]; 2, 3 and 4 made at the same moment, 6 and 7 closed at the same moment.
    const elections: [Date, ElectionState, Date | null][] = [
      [at("2026-10-01T00:00:00Z"), "certified", at("2026-10-20T00:00:00Z")],
      [at("2026-11-01T00:00:00Z"), "draft", null],
      [at("2026-11-01T00:00:00Z"), "nominating", null],
      [at("2026-11-01T00:00:00Z"), "voting", null],
      [at("2026-11-02T00:00:00Z"), "closed", from],
      [at("2026-11-03T00:00:00Z"), "certified", to],
      [at("2026-11-04T00:00:00Z"), "closed", justBefore(to)],
      [at("2026-11-05T00:00:00Z"), "certified", justBefore(to)],
      [at("2026-11-06T00:00:00Z"), "closed", justBefore(from)],
      [at("2026-11-07T00:00:00Z"), "voting", null],
      [at("2026-11-08T00:00:00Z"), "certified", at("2026-12-20T00:00:00Z")],
    ];
    await app.store.uow.run(async (stores) => {
      for (const group of [id, other]) {
        for (const [i, [createdAt, closedAt]] of decisions.entries()) {
          const d = await stores.decisions.create(
            { groupId: group, proposal: `Ehdotus ${i + 1}`, mode: "majority", deadline: at("2027-01-01T00:00:00Z"), seedHash: "h", seed: "s", createdById: anna, createdAt },
            [],
          );
          if (closedAt) await stores.decisions.close(d.id, { closedAt, outcome: i % 2 ? "passed" : "rejected", minutes: "—" });
        }
        for (const [i, [createdAt, state, closedAt]] of elections.entries()) {
          const e = await stores.elections.create({ workspaceId: consoleWorkspace, groupId: group, title: `Vaali ${i + 1}`, method: "plurality", seats: 1, createdById: anna, createdAt });
          await stores.elections.update(e.id, { state, ...(closedAt ? { closedAt } : {}), ...(state === "certified" ? { certifiedAt: closedAt! } : {}) });
        }
      }
    });
    return id;
  }

  it("agree with the group's whole list for every period and window, ends and ties included", async () => {
    const id = await history();
    const { decisions, elections } = app.store.uow.read;
    const allDecisions = await decisions.list(id);
    const allElections = await elections.listForGroup(id);
    const numbers = (list: readonly Decision[]) => list.map((d) => d.number);
    const titles = (list: readonly Election[]) => list.map((e) => e.title);

    // Anna's groups are both: Talous before Viestintä by name.
    const anna = { personId: (await app.store.uow.read.people.findByExternalId(consoleIdentity("Anna").externalId))!.id, workspaceId: consoleWorkspace };
    expect(numbers(ofGroup(id, await decisions.openForMember(anna)))).toEqual(numbers(reference.openDecisions(allDecisions)));
    expect(numbers(ofGroup(id, await decisions.openForMember(anna)))).toEqual([9, 8, 7, 1]);
    expect(titles(ofGroup(id, await elections.inProgressForMember(anna)))).toEqual(titles(reference.inProgress(allElections)));
    const talous = await groupId("Talous");
    expect((await decisions.openForMember(anna)).map((d) => d.groupId)).toEqual([...ofGroup(talous, await decisions.openForMember(anna)).map(() => talous), ...[9, 8, 7, 1].map(() => id)]);
    expect(titles(await elections.certifiedOfGroup(id))).toEqual(titles(reference.certified(allElections)));
    expect(titles(await elections.certifiedOfGroup(id))).toEqual(["Vaali 1", "Vaali 6", "Vaali 8", "Vaali 11"]);

    // Every moment the history holds, and a millisecond either side of each, as either end.
    const moments = [...new Set([...allDecisions.flatMap((d) => [d.createdAt, d.closedAt]), ...allElections.map((e) => e.closedAt)].flatMap((d) => (d ? [d.getTime() - 1, d.getTime(), d.getTime() + 1] : [])))]
      .sort((a, b) => a - b)
      .map((t) => new Date(t));
    for (const start of moments) {
      for (const end of moments.filter((m) => m > start)) {
        expect(numbers(ofGroup(id, await decisions.openOrDecidedIn(consoleWorkspace, start, end)))).toEqual(numbers(reference.openOrDecidedIn(allDecisions, start, end)));
        expect(titles(ofGroup(id, await elections.closedIn(consoleWorkspace, start, end)))).toEqual(titles(reference.closedIn(allElections, start, end)));
      }
    }
    for (const after of [null, ...moments]) {
      for (const through of moments.filter((m) => !after || m > after)) {
        expect(titles(await elections.closedAfterThrough(id, after, through))).toEqual(titles(reference.closedAfterThrough(allElections, after, through)));
      }
    }

    // The week itself: the open made before its end and those decided from its start to just before its end, newest first.
    expect(numbers(ofGroup(id, await decisions.openOrDecidedIn(consoleWorkspace, from, to)))).toEqual([10, 7, 6, 3, 1]);
    expect(titles(ofGroup(id, await elections.closedIn(consoleWorkspace, from, to)))).toEqual(["Vaali 5", "Vaali 7", "Vaali 8"]);
    // A meeting closing at the week's end whose previous meeting closed at its start: 7 and 8 closed together, by id.
    const tied = allElections.filter((e) => e.title === "Vaali 7" || e.title === "Vaali 8").sort((a, b) => a.id.localeCompare(b.id));
    expect(titles(await elections.closedAfterThrough(id, from, to))).toEqual([...titles(tied), "Vaali 6"]);
    expect(titles(await elections.closedAfterThrough(id, null, justBefore(from)))).toEqual(["Vaali 1", "Vaali 9"]);

    // The digest reads the workspace at once: the other group's come with them, another workspace's do not.
    const other = await groupId("Talous");
    const [otherDecisions, otherElections] = [await decisions.list(other), await elections.listForGroup(other)];
    expect(numbers(ofGroup(other, await decisions.openOrDecidedIn(consoleWorkspace, from, to)))).toEqual(numbers(reference.openOrDecidedIn(otherDecisions, from, to)));
    expect(titles(ofGroup(other, await elections.closedIn(consoleWorkspace, from, to)))).toEqual(titles(reference.closedIn(otherElections, from, to)));
    expect(ofGroup(other, await decisions.openOrDecidedIn(consoleWorkspace, from, to))).not.toEqual([]);
    expect(await decisions.openOrDecidedIn("toinen", from, to)).toEqual([]);
    expect(await elections.closedIn("toinen", from, to)).toEqual([]);
    // An archived group's decisions leave the digest; its results stay (an election closed before the archiving is news).
    await app.store.uow.run((stores) => stores.groups.update(other, { archivedAt: to }));
    expect(ofGroup(other, await decisions.openOrDecidedIn(consoleWorkspace, from, to))).toEqual([]);
    expect(titles(ofGroup(other, await elections.closedIn(consoleWorkspace, from, to)))).toEqual(titles(reference.closedIn(otherElections, from, to)));
  });

  it("overview shows a person's earliest open action items of every group, not their done ones, and says when more did not fit", async () => {
    await app.say("Anna", "group add Viestintä Maija");
    await app.say("Anna", "group add Talous Maija");
    // Due 1.–23.12., alternating between the groups; the two earliest done.
    for (let day = 1; day <= 23; day += 1) await app.say("Anna", `action add ${day % 2 ? "Viestintä" : "Talous"} Maija ${day}.12.2026 Tehtävä ${day}`);
    expect(await app.say("Anna", "action done Viestintä 1")).toContain("1");
    expect(await app.say("Anna", "action done Talous 1")).toContain("1");
    const lines = (await app.say("Maija", "overview")).split("\n").filter((l) => l.includes("Tehtävä "));
    expect(lines.map((l) => Number(/Tehtävä (\d+)/.exec(l)![1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));
    expect(await app.say("Maija", "overview")).toContain("Kaikki eivät mahtuneet tähän");
    await app.say("Anna", "action done Talous 11");
    expect(await app.say("Maija", "overview")).not.toContain("Kaikki eivät mahtuneet tähän");
  });

  it("a meeting's minutes list the action items recorded at it, not the group's others", async () => {
    await app.say("Anna", "group add Viestintä Maija");
    const minutes = [];
    for (const n of [1, 2]) {
      await app.say("Anna", `meeting schedule Viestintä ${n}.12.2026 klo 14`);
      await app.say("Anna", "meeting open Viestintä --confirm");
      await app.say("Anna", `action add Viestintä Maija 20.12.2026 Kokouksen ${n} tehtävä`);
      // Another group's, while this meeting is open: not this meeting's.
      await app.say("Anna", "action add Talous Maija 21.12.2026 Toisen ryhmän tehtävä");
      minutes.push(...((await app.dispatcher.runLine(app.request("Anna"), "meeting close Viestintä --confirm")).attachments ?? []));
      // Recorded between meetings: in no meeting's minutes.
      await app.say("Anna", "action add Viestintä Maija 21.12.2026 Kokousten välinen tehtävä");
    }
    expect(minutes.map((m) => m.filename)).toEqual(["viestintä-1.md", "viestintä-2.md"]);
    for (const text of minutes.map((m) => m.content)) {
      expect(text).not.toContain("Kokousten välinen tehtävä");
      expect(text).not.toContain("Toisen ryhmän tehtävä");
    }
    expect(minutes[0]!.content).toContain("Kokouksen 1 tehtävä");
    expect(minutes[0]!.content).not.toContain("Kokouksen 2 tehtävä");
    expect(minutes[1]!.content).toContain("Kokouksen 2 tehtävä");
    expect(minutes[1]!.content).not.toContain("Kokouksen 1 tehtävä");
  });

  it("news not yet in a digest: what the whole list less the digests' keys gave, made through a moment or at any time", async () => {
    const anna = (await app.store.uow.read.people.findByExternalId(consoleIdentity("Anna").externalId))!.id;
    // 1–3 made together; 2 and 5 shown in a digest, 4 removed; 6 made at `to`, 7 after it. Another workspace's 8 shown in its own.
    const made = [from, from, from, at("2026-12-08T00:00:00Z"), at("2026-12-09T00:00:00Z"), to, at("2026-12-15T00:00:00Z")];
    await app.store.uow.run(async (stores) => {
      const items: NewsItem[] = [];
      for (const [i, createdAt] of made.entries()) items.push(await stores.digest.addNews({ workspaceId: consoleWorkspace, groupId: null, title: `Uutinen ${i + 1}`, body: "—", link: null, authorId: anna, createdAt }));
      const elsewhere = await stores.digest.addNews({ workspaceId: "toinen", groupId: null, title: "Uutinen 8", body: "—", link: null, authorId: anna, createdAt: from });
      await stores.digest.updateNews(items[3]!.id, { removedAt: to });
      const digest = { channelId: "#tiedotteet", periodStart: from, periodEnd: to, publishedAt: to, markdown: "—" };
      await stores.digest.recordDigest({ ...digest, workspaceId: consoleWorkspace, keys: [newsKey(items[1]!), newsKey(items[4]!), "decision-open:x"] });
      await stores.digest.recordDigest({ ...digest, workspaceId: "toinen", keys: [newsKey(elsewhere)] });
    });
    const { digest } = app.store.uow.read;
    const whole = await digest.listNews(consoleWorkspace);
    const shown = await digest.includedKeys(consoleWorkspace, whole.map(newsKey));
    const titles = (list: readonly NewsItem[]) => list.map((n) => n.title);
    for (const through of [undefined, ...made.flatMap((d) => [justBefore(d), d])]) {
      const expected = whole.filter((n) => !shown.has(newsKey(n)) && (!through || n.createdAt <= through));
      expect(titles(await digest.unpublishedNews(consoleWorkspace, through))).toEqual(titles(expected));
    }
    const tied = whole.filter((n) => n.title === "Uutinen 1" || n.title === "Uutinen 3").map((n) => n.title);
    expect(titles(await digest.unpublishedNews(consoleWorkspace, to))).toEqual([...tied, "Uutinen 6"]);
    expect(titles(await digest.unpublishedNews(consoleWorkspace))).toEqual([...tied, "Uutinen 6", "Uutinen 7"]);
  });
});
