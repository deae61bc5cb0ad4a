import { consoleWorkspace } from "../../adapters/console/directory.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Meeting } from "../../src/core/meetings/meeting.ts";
import { finalMinutesOf, finalMinutesOfMeeting } from "../../src/core/public/minutes.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, type Backend, type TestApp } from "../support/test-app.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];

/**
 * What the commands chose when they read every meeting (earliest first) and kept one, kept here as
 * the reference the narrow store reads must agree with.
 */
const reference = {
  nextScheduledAfter: (all: readonly Meeting[], after: Date) => all.find((m) => m.status === "scheduled" && m.startsAt.getTime() > after.getTime()) ?? null,
  latestWithMinutes: (all: readonly Meeting[]) => all.filter((m) => m.minutes !== null).at(-1) ?? null,
  firstOpenExcept: (all: readonly Meeting[], exceptId: string) => all.find((m) => m.status === "open" && m.id !== exceptId) ?? null,
  // overview kept the open and the scheduled still ahead or taking items,
  ahead: (all: readonly Meeting[], now: Date) => all.filter((m) => m.status === "open" || (m.status === "scheduled" && (m.startsAt >= now || m.agendaDeadline >= now))),
  // and the drafts (no status read as a draft), latest first.
  drafts: (all: readonly Meeting[], final: ReadonlySet<string>) => all.filter((m) => m.minutes !== null && !final.has(m.id)).reverse(),
  // The digest kept the scheduled from the period's end on and those closed within it.
  scheduledFromOrClosedIn: (all: readonly Meeting[], from: Date, to: Date) =>
    all.filter((m) => (m.status === "scheduled" && m.startsAt >= to) || (m.status === "closed" && m.closedAt && m.closedAt >= from && m.closedAt < to)),
};

describe.each(backends)("one meeting chosen by a narrow read on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ backend, start: new Date("2026-11-28T10:00:00Z") });
    await app.say("Anna", "group create Viestintä");
  });
  afterEach(() => app.close());

  const groupId = async () => (await app.store.uow.read.groups.findByName(consoleWorkspace, "Viestintä"))!.id;

  it("agenda defer moves the item past a cancelled meeting to the earliest scheduled one after, the lower number on a tie", async () => {
    // 1 and 2 start together (2 is not after 1); 3 is cancelled; 4 and 5 start together; 6 is last.
    // `meeting schedule` refuses a second meeting at a taken time, so 2 and 5 are moved onto 1 and 4
    // in the store, as data from before that refusal can hold them.
    for (const at of ["3.12.2026 klo 14", "3.12.2026 klo 15", "10.12.2026 klo 14", "17.12.2026 klo 14", "17.12.2026 klo 15", "20.12.2026 klo 14"]) {
      await app.say("Anna", `meeting schedule Viestintä ${at}`);
    }
    await app.store.uow.run(async (stores) => {
      const meetings = await stores.meetings.list(await groupId());
      for (const [tie, onto] of [[2, 1], [5, 4]] as const) {
        await stores.meetings.update(meetings.find((m) => m.number === tie)!.id, { startsAt: meetings.find((m) => m.number === onto)!.startsAt });
      }
    });
    expect(await app.say("Anna", "meeting cancel Viestintä 3 --confirm")).toContain("Kokous 3 peruttu");
    await app.say("Anna", "agenda add-to Viestintä 1 Uutiskirje");
    expect(await app.say("Anna", "agenda defer Viestintä 5")).toContain("siirretty seuraavaan kokoukseen");
    const titles = async (n: number) => (await app.say("Anna", `agenda list Viestintä ${n}`)).split("\n").filter((l) => /^\d+\. /.test(l));
    expect(await titles(4)).toContain("5. Uutiskirje");
    for (const n of [1, 2, 5, 6]) expect(await titles(n)).not.toContain("5. Uutiskirje");
  });

  it("agrees with the whole list for every meeting, with ties, cancelled, open and closed meetings", async () => {
    const id = await groupId();
    const starts = ["2026-12-03T12:00:00Z", "2026-12-03T12:00:00Z", "2026-12-10T12:00:00Z", "2026-12-01T12:00:00Z", "2026-12-17T12:00:00Z", "2026-12-17T12:00:00Z", "2026-12-20T12:00:00Z", "2026-12-05T12:00:00Z"];
    // Statuses and minutes as the data of a long-lived group can hold them, two open at once included.
    const patches: Partial<Meeting>[] = [
      { status: "closed", minutes: "a", closedAt: new Date("2026-12-03T14:00:00Z") },
      { status: "open" },
      { status: "cancelled", minutes: "b", closedAt: new Date("2026-12-10T14:00:00Z") },
      { status: "closed", minutes: "c", closedAt: new Date("2026-12-07T00:00:00Z") },
      { status: "open" },
      {},
      { status: "closed", minutes: "d", closedAt: new Date("2026-12-20T14:00:00Z") },
      {},
    ];
    // Minutes a: checked; b: approved; c: a draft row; d: no row (closed before statuses were kept).
    const states: Record<number, "draft" | "checked" | "approved"> = { 1: "checked", 3: "approved", 4: "draft" };
    await app.store.uow.run(async (stores) => {
      const ids: string[] = [];
      for (const [i, startsAt] of starts.entries()) {
        const at = new Date(startsAt);
        const m = await stores.meetings.create({ groupId: id, startsAt: at, place: null, agendaDeadline: new Date(at.getTime() - 3 * 86_400_000) });
        await stores.meetings.update(m.id, patches[i]!);
        const state = states[m.number];
        ids.push(m.id);
        // b was approved at meeting 2; a checked.
        const approved = state === "approved" ? { approvedAtMeetingId: ids[1]!, approvedAt: new Date("2026-12-11T00:00:00Z") } : { approvedAtMeetingId: null, approvedAt: null };
        const checkedAt = state === "checked" ? new Date("2026-12-04T00:00:00Z") : null;
        if (state) await stores.minutes.saveStatus({ meetingId: m.id, state, checkedAt, ...approved });
      }
    });
    const meetings = app.store.uow.read.meetings;
    const all = await meetings.list(id);
    // Anna, who made the group, is its one member, and a checker of none of its meetings.
    const anna = { personId: (await app.store.uow.read.people.findByExternalId("console:anna"))!.id, workspaceId: consoleWorkspace };
    expect((await meetings.latestWithMinutes(id))?.number).toBe(7);
    expect((await meetings.latestWithMinutes(id))?.id).toBe(reference.latestWithMinutes(all)?.id);
    for (const m of all) {
      expect((await meetings.nextScheduledAfter(id, m.startsAt))?.id ?? null).toBe(reference.nextScheduledAfter(all, m.startsAt)?.id ?? null);
      expect((await meetings.firstOpenExcept(id, m.id))?.id ?? null).toBe(reference.firstOpenExcept(all, m.id)?.id ?? null);
    }
    // The ties decide by number: 2 before 5 among the open; after 1.12 the scheduled 8 (5.12) comes first.
    expect((await meetings.firstOpenExcept(id, "none"))?.number).toBe(2);
    expect((await meetings.firstOpenExcept(id, all.find((m) => m.number === 2)!.id))?.number).toBe(5);
    expect((await meetings.nextScheduledAfter(id, new Date("2026-12-01T00:00:00Z")))?.number).toBe(8);
    expect(await meetings.nextScheduledAfter(id, new Date("2026-12-17T12:00:00Z"))).toBeNull();

    const final = new Set(all.filter((m) => m.number === 1 || m.number === 3).map((m) => m.id));
    const numbers = (list: readonly Meeting[]) => list.map((m) => m.number);
    // Before, at and between starts and deadlines (each deadline three days before its start).
    for (const now of ["2026-11-28T10:00:00Z", "2026-12-02T12:00:00Z", "2026-12-05T12:00:00Z", "2026-12-05T12:00:01Z", "2026-12-14T12:00:00Z", "2026-12-21T00:00:00Z"]) {
      const at = new Date(now);
      expect(numbers(await meetings.aheadForMember(anna, at))).toEqual(numbers(reference.ahead(all, at)));
    }
    // Digest periods, a closing exactly at either end included.
    const periods = [
      ["2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z"],
      ["2026-12-01T00:00:00Z", "2026-12-07T00:00:00Z"],
      ["2026-12-07T00:00:00Z", "2026-12-14T00:00:00Z"],
      ["2026-12-14T00:00:00Z", "2026-12-21T00:00:00Z"],
    ];
    for (const [from, to] of periods) {
      const [f, t] = [new Date(from!), new Date(to!)];
      expect(numbers(await meetings.scheduledFromOrClosedIn(consoleWorkspace, f, t))).toEqual(numbers(reference.scheduledFromOrClosedIn(all, f, t)));
    }
    // 1.–7.12.: meeting 1 closed within (4 closed at its end is left to the next week); 6 is scheduled after it.
    expect(numbers(await meetings.scheduledFromOrClosedIn(consoleWorkspace, new Date("2026-12-01T00:00:00Z"), new Date("2026-12-07T00:00:00Z")))).toEqual([1, 6]);
    // The public page of one meeting's minutes: what the group's whole list gave for it (the cancelled 3 numbered after 2026's seven held).
    for (const number of [...all.map((m) => m.number), 99]) {
      const whole = (await finalMinutesOf(app.store.uow.read, id, "Europe/Helsinki")).find((m) => m.meeting.number === number) ?? null;
      expect(await finalMinutesOfMeeting(app.store.uow.read, id, number, "Europe/Helsinki")).toEqual(whole);
    }
    expect((await finalMinutesOfMeeting(app.store.uow.read, id, 3, "Europe/Helsinki"))?.entry).toMatchObject({ state: "approved", approvedAt: "2 (3/2026)", yearNumber: "8/2026" });
    // Late December: the two open meetings; a, b and the rest left out.
    expect(numbers(await meetings.aheadForMember(anna, new Date("2026-12-21T00:00:00Z")))).toEqual([2, 5]);
    // The drafts: c (row) and d (none), latest first, as many as asked for.
    const drafts = numbers(reference.drafts(all, final));
    expect(drafts).toEqual([7, 4]);
    for (const latest of [0, 1, 2, 20]) {
      const read = await meetings.draftMinutesForMember(anna, { latest });
      expect({ latest: numbers(read.latest), toCheck: read.toCheck }).toEqual({ latest: drafts.slice(0, latest), toCheck: [] });
    }
  });
});

describe.each(backends)("the overview's reads over a member of many groups on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ backend, start: new Date("2026-11-28T10:00:00Z") });
  });
  afterEach(() => app.close());

  it("join the member's groups in the query: 501 groups' meetings ahead and the latest drafts of all, their open decisions and elections", async () => {
    // Each group holds a meeting ahead and a draft, a day apart group by group, so the latest
    // drafts are the last groups'. Two groups more hold the latest drafts and the earliest meetings
    // of all: one the secretary is not a member of, and one archived.
    const day = 86_400_000;
    const groupIds: string[] = [];
    const expectedLatest: string[] = [];
    let secretary: { id: string } | undefined;
    await app.store.uow.run(async (stores) => {
      const chair = await stores.people.create({ externalId: "console:anna", displayName: "Anna" });
      secretary = await stores.people.create({ externalId: "console:sihteeri", displayName: "Sihteeri" });
      for (let i = 0; i < 503; i++) {
        const group = await stores.groups.create({ workspaceId: consoleWorkspace, name: `Ryhmä ${String(i).padStart(3, "0")}` });
        const heldAt = new Date(Date.UTC(2024, 0, 1) + i * day);
        const aheadAt = new Date(Date.UTC(2027, 0, 1) - i * 60_000);
        if (i >= 501) {
          // Not the secretary's: one of no membership, one archived.
          if (i === 502) await stores.groups.addMember({ groupId: group.id, personId: secretary.id, role: "member" });
          if (i === 502) await stores.groups.update(group.id, { archivedAt: heldAt });
          const held = await stores.meetings.create({ groupId: group.id, startsAt: heldAt, place: null, agendaDeadline: heldAt });
          await stores.meetings.update(held.id, { status: "closed", openedAt: heldAt, closedAt: heldAt, minutes: `# ${i}` });
          await stores.meetings.create({ groupId: group.id, startsAt: aheadAt, place: null, agendaDeadline: aheadAt });
          continue;
        }
        await stores.groups.addMember({ groupId: group.id, personId: secretary.id, role: "member" });
        groupIds.push(group.id);
        const held = await stores.meetings.create({ groupId: group.id, startsAt: heldAt, place: null, agendaDeadline: heldAt });
        await stores.meetings.update(held.id, { status: "closed", openedAt: heldAt, closedAt: heldAt, minutes: `# ${i}` });
        if (i >= 501 - 21) expectedLatest.unshift(held.id);
        await stores.meetings.create({ groupId: group.id, startsAt: aheadAt, place: null, agendaDeadline: aheadAt });
        if (i % 250 === 0) {
          await stores.decisions.create({ groupId: group.id, proposal: `Ehdotus ${i}`, mode: "majority", deadline: aheadAt, seedHash: "", seed: "", createdById: chair.id, createdAt: heldAt }, []);
          const election = await stores.elections.create({ workspaceId: consoleWorkspace, groupId: group.id, title: `Vaali ${i}`, method: "plurality", seats: 1, createdById: chair.id, createdAt: heldAt });
          await stores.elections.update(election.id, { state: "nominating", nominationsOpenedAt: heldAt });
        }
      }
    });
    const { meetings, decisions, elections } = app.store.uow.read;
    const scope = { personId: secretary!.id, workspaceId: consoleWorkspace };
    const drafts = await meetings.draftMinutesForMember(scope, { latest: 21 });
    expect(drafts.latest.map((m) => m.id)).toEqual(expectedLatest);
    const ahead = await meetings.aheadForMember(scope, new Date("2026-11-28T10:00:00Z"));
    expect(ahead).toHaveLength(501);
    // Earliest first across the groups: the last group's meeting starts first.
    expect(ahead.map((m) => m.groupId)).toEqual([...groupIds].reverse());
    expect((await decisions.openForMember(scope)).map((d) => d.proposal)).toEqual(["Ehdotus 0", "Ehdotus 250", "Ehdotus 500"]);
    expect((await elections.inProgressForMember(scope)).map((e) => e.title)).toEqual(["Vaali 0", "Vaali 250", "Vaali 500"]);
  }, 60_000);

  // 70 is past the membership count from which the store finds the drafts from the groups that have
  // any (memberOfMany); for 3 it reads the memberships.
  it.each([3, 70])("give a member of %i groups the latest drafts and first groups a read of all their meetings gives: groups of many drafts, checked ones, ties", async (count) => {
    const day = 86_400_000;
    let person: { id: string } | undefined;
    const mine: string[] = [];
    await app.store.uow.run(async (stores) => {
      person = await stores.people.create({ externalId: "console:sihteeri", displayName: "Sihteeri" });
      // Group i holds 0, 27, 18 or 9 closed meetings a week apart, offset by i minutes from the other
      // groups'; every fifth starts with the one before it, and every third's minutes are checked.
      // A group the person is not in holds the newest drafts of all.
      for (let i = 0; i <= count; i++) {
        const group = await stores.groups.create({ workspaceId: consoleWorkspace, name: `Ryhmä ${String((i * 37) % (count + 1)).padStart(3, "0")}` });
        if (i < count) {
          await stores.groups.addMember({ groupId: group.id, personId: person.id, role: "member" });
          mine.push(group.id);
        }
        const meetings = i < count ? [0, 27, 18, 9][i % 4]! : 30;
        for (let j = 0; j < meetings; j++) {
          const at = new Date(Date.UTC(2025, 0, 1) + (j - (j % 5 === 1 ? 1 : 0)) * 7 * day + i * 60_000 + (i < count ? 0 : 365 * day));
          const held = await stores.meetings.create({ groupId: group.id, startsAt: at, place: null, agendaDeadline: at });
          await stores.meetings.update(held.id, { status: "closed", openedAt: at, closedAt: at, minutes: `# ${i}.${j}` });
          const state = j % 3 === 0 ? "checked" : "draft";
          await stores.minutes.saveStatus({ meetingId: held.id, state, checkedAt: state === "checked" ? at : null, approvedAtMeetingId: null, approvedAt: null });
        }
      }
    });
    const read = app.store.uow.read;
    const scope = { personId: person!.id, workspaceId: consoleWorkspace };
    const all = (await Promise.all(mine.map((id) => read.meetings.list(id)))).flat();
    const checked = new Set((await read.minutes.statuses(all.map((m) => m.id))).filter((s) => s.state !== "draft").map((s) => s.meetingId));
    const expected = all
      .filter((m) => m.minutes !== null && !checked.has(m.id))
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || b.number - a.number)
      .slice(0, 21);
    expect(expected).toHaveLength(21);
    const drafts = await read.meetings.draftMinutesForMember(scope, { latest: 21 });
    expect(drafts.latest.map((m) => `${m.groupId}/${m.number}`)).toEqual(expected.map((m) => `${m.groupId}/${m.number}`));
    const groups = await Promise.all(mine.map(async (id) => (await read.groups.findById(id))!));
    const byName = groups.map((g) => g.name).sort().slice(0, 41);
    expect((await read.groups.firstOfMember(scope, 41)).map((g) => g.name)).toEqual(byName);
    // A renamed group takes its new name's place.
    const last = groups.find((g) => g.name === groups.map((g) => g.name).sort().at(-1))!;
    await app.store.uow.run((stores) => stores.groups.update(last.id, { name: "Aakkoset" }));
    expect((await read.groups.firstOfMember(scope, 41)).map((g) => g.name)).toEqual(["Aakkoset", ...byName.filter((name) => name !== last.name)].slice(0, 41));
  }, 60_000);
});
