import { consoleWorkspace } from "../../adapters/console/directory.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Meeting } from "../../src/core/meetings/meeting.ts";
import { yearNumber, yearNumbersOf } from "../../src/core/meetings/year-number.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, replyText, type Backend, type TestApp } from "../support/test-app.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];
const timeZone = "Europe/Helsinki";

/** "4. (2/2026)": a row's running number and number in its year, as `meeting list` shows them. */
const numbersOf = (reply: string) =>
  reply
    .split("\n")
    .filter((l) => /^\d+\. /.test(l))
    .map((l) => l.match(/^\d+\. \(\d+\/\d+\)/)?.[0] ?? l);

/**
 * What `meeting list` showed when it read every meeting, kept here as the reference: the upcoming
 * (not closed, from now on) soonest first, then the rest latest first, numbered by `yearNumber`.
 */
function wholeList(all: readonly Meeting[], now: Date): string[] {
  const upcoming = all.filter((m) => m.startsAt >= now && m.status !== "closed");
  const past = all.filter((m) => !upcoming.includes(m)).reverse();
  return [...upcoming, ...past].map((m) => `${m.number}. (${yearNumber(all, m, timeZone)})`);
}

describe.each(backends)("meeting list a page at a time on %s", (backend) => {
  let app: TestApp;
  let all: () => Promise<Meeting[]>;
  beforeEach(async () => {
    app = await createTestApp({ backend, start: new Date("2025-10-01T09:00:00Z") });
    await app.say("Anna", "group create Viestintä");
    // Every second Monday from November 2025 to December 2026, and two either side of the new
    // year in Helsinki (the second is still 2025 in UTC): 29 meetings.
    const times = Array.from({ length: 27 }, (_, i) => new Date(Date.UTC(2025, 10, 3 + 14 * i, 12)));
    times.splice(5, 0, new Date("2025-12-31T21:30:00Z"), new Date("2025-12-31T22:30:00Z"));
    const at = (t: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" }).format(t);
    for (const [i, t] of times.entries()) expect(await app.say("Anna", `meeting schedule Viestintä ${at(t)}`)).toContain(`Kokous ${i + 1} kutsuttu koolle`);
    const group = (await app.store.uow.read.groups.findByName(consoleWorkspace, "Viestintä"))!;
    all = () => app.store.uow.read.meetings.list(group.id);
    // Meeting 1 held and its minutes written; one meeting of each year cancelled.
    await app.say("Anna", "meeting open Viestintä --confirm");
    expect(await app.say("Anna", "meeting close Viestintä --confirm")).toContain("Pöytäkirja");
    await app.say("Anna", "meeting cancel Viestintä 3 --confirm");
    await app.say("Anna", "meeting cancel Viestintä 20 --confirm");
    app.clock.set(new Date("2026-06-15T09:00:00Z"));
  });
  afterEach(() => app.close());

  it("shows the upcoming then the past, 20 a page, with a more button, numbered per year as when the whole list was read", async () => {
    const now = app.clock.now();
    const first = await app.dispatcher.runLine(app.request("Anna"), "meeting list Viestintä");
    const firstText = replyText(first);
    expect(numbersOf(firstText)).toHaveLength(20);
    expect(firstText).toContain("Näytetään 1–20/29");
    const buttons = first.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons : []));
    expect(buttons.map((b) => [b.label, b.call])).toEqual([["Näytä 9 lisää", { command: "meeting list", args: { group: "Viestintä", page: 2 } }]]);

    const second = await app.say("Anna", "meeting list Viestintä --page 2");
    expect(numbersOf(second)).toHaveLength(9);
    expect(second).toContain("Näytetään 21–29/29, viimeinen sivu.");
    // The upcoming all fit on page 1: page 2 goes on with the past and has no upcoming heading.
    expect(second).not.toContain("*Tulevat*");
    expect(second).toContain("*Menneet*");
    expect([...numbersOf(firstText), ...numbersOf(second)]).toEqual(wholeList(await all(), now));
    // The soonest upcoming meeting first, the latest past one first after them; the held meeting's minutes shown.
    expect(numbersOf(firstText)[0]).toBe("19. (13/2026)");
    expect(second.split("\n").at(-2)).toMatch(/^1\. \(1\/2025\) .*Pöytäkirja: luonnos/);
    expect(second).toContain("7. (1/2026)");
    expect(second).toContain("6. (5/2025)");
    expect(second).toMatch(/^3\. \(6\/2025\) .*peruttu/m);
  });

  it("refuses a page past the end, changing nothing", async () => {
    const before = await all();
    const page1 = await app.say("Anna", "meeting list Viestintä");
    expect(await app.say("Anna", "meeting list Viestintä --page 9")).toContain("Sivua 9 ei ole: sivuja on 2.");
    expect(await all()).toEqual(before);
    expect(await app.say("Anna", "meeting list Viestintä")).toBe(page1);
  });

  it("puts a meeting closed before its start among the past, at their top, and numbers it as before", async () => {
    const upcoming = (await all()).filter((m) => m.startsAt > app.clock.now() && m.status === "scheduled");
    const early = upcoming[3]!;
    await app.store.uow.run((stores) => stores.meetings.update(early.id, { status: "closed", closedAt: app.clock.now(), minutes: "# Pöytäkirja" }));
    const rows = [...numbersOf(await app.say("Anna", "meeting list Viestintä")), ...numbersOf(await app.say("Anna", "meeting list Viestintä --page 2"))];
    expect(rows).toEqual(wholeList(await all(), app.clock.now()));
    const stillUpcoming = (await all()).filter((m) => m.startsAt >= app.clock.now() && m.status !== "closed");
    expect(early.number).toBe(23);
    expect(rows[stillUpcoming.length]).toBe("23. (16/2026)");
  });

  it("shows each listed meeting's minutes state with its own checkers and approvals", async () => {
    const [first, second] = (await all()).filter((m) => m.number === 1 || m.number === 2);
    await app.store.uow.run(async (stores) => {
      await stores.meetings.update(second!.id, { status: "closed", closedAt: app.clock.now(), minutes: "# Pöytäkirja 2" });
      await stores.minutes.saveStatus({ meetingId: second!.id, state: "draft", checkedAt: null, approvedAtMeetingId: null, approvedAt: null });
      // Meeting 1: one checker chosen, not yet approved. Meeting 2: none chosen (two needed), one approval.
      await stores.minutes.setOfficials(first!.id, "checker", [{ meetingId: first!.id, role: "checker", position: 1, name: "Maija", personId: null }]);
      await stores.minutes.approve({ meetingId: second!.id, personId: "p1", sha256: "x", approvedAt: app.clock.now() });
    });
    const lines = (await app.say("Anna", "meeting list Viestintä --page 2")).split("\n");
    expect(lines.find((l) => l.startsWith("1. "))).toContain("Pöytäkirja: luonnos, 0/1 tarkastajaa hyväksynyt");
    expect(lines.find((l) => l.startsWith("2. "))).toContain("Pöytäkirja: luonnos, 1/2 tarkastajaa hyväksynyt");
  });

  it("numbers any run of meetings as yearNumber does over the whole list, cancelled ones after their year's last", async () => {
    const meetings = await all();
    for (let from = 0; from < meetings.length; from += 4) {
      const run = meetings.slice(from, from + 7);
      const numbers = await yearNumbersOf(app.store.uow.read, run[0]!.groupId, run, timeZone);
      expect(run.map((m) => numbers.get(m.id))).toEqual(run.map((m) => yearNumber(meetings, m, timeZone)));
    }
  });

  it("shows a meeting and its minutes with the meeting's number in its year", async () => {
    expect(await app.say("Anna", "meeting show Viestintä 7")).toContain("Viestintä: kokous 7 (1/2026)");
    expect(await app.say("Anna", "meeting show Viestintä 6")).toContain("Viestintä: kokous 6 (5/2025)");
    expect(await app.say("Anna", "meeting show Viestintä 20")).toContain("Viestintä: kokous 20 (23/2026)");
    expect(await app.say("Anna", "minutes show Viestintä 1")).toContain("(1/2025)");
  });
});
