import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { consoleWorkspace } from "../../adapters/console/directory.ts";
import { idIn } from "../support/election-replies.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

// The overview over a real SQLite file, as `overview` answers on the console (and Slack, Discord).
describe("the overview", () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Admin"], start: new Date("2026-11-28T10:00:00Z") });
    await app.say("Admin", "group create Viestintä");
    await app.say("Admin", "group create Talous");
    await app.say("Admin", "group add Viestintä Anna");
  });
  afterEach(() => app.close());

  it("given a new person, when they ask, then they hear they are in no group and where to look", async () => {
    const shown = await app.say("Ville", "overview");
    expect(shown).toContain("Yleiskatsaus");
    expect(shown).toContain("Et ole vielä minkään työryhmän jäsen");
    expect(shown).not.toContain("Tulevat kokoukset");
  });

  it("shows a member their groups, meetings, open agenda, elections, ballot standing and action items", async () => {
    await app.say("Admin", "meeting schedule Viestintä 3.12.2026 klo 14 Maakuntasali");
    await app.say("Admin", "meeting schedule Talous 4.12.2026 klo 10 Kirjasto");
    await app.say("Admin", "action add Viestintä Anna 15.12.2026 Kirjoittaa pääkirjoituksen");
    const id = idIn(await app.say("Admin", "election create Viestintä 1 plurality Puheenjohtaja 2027"));
    await app.say("Admin", `election open-nominations ${id}`);
    await app.say("Anna", `election nominate ${id}`);
    await app.say("Anna", `election accept ${id} --confirm`);
    expect(await app.say("Admin", `election open ${id} --confirm`)).toContain("Äänioikeutettuja 2");

    const before = await app.say("Anna", "overview");
    expect(before).toContain("*Omat työryhmäsi*\nViestintä");
    expect(before).not.toContain("Talous");
    expect(before).toContain("Viestintä 1. to 3.12.2026 klo 14.00 · Maakuntasali · kutsuttu koolle");
    // The agenda closes three days before the meeting, in the council's time zone.
    expect(before).toContain("Viestintä, kokous 1: ma 30.11.2026 klo 14.00 asti — /council agenda add Viestintä <otsikko>");
    expect(before).toContain(`Viestintä: \`${id}\` · Puheenjohtaja 2027`);
    expect(before).toContain(`voit äänestää: /council election ballot ${id}`);
    expect(before).toContain("Viestintä 1. Kirjoittaa pääkirjoituksen — Anna, viimeistään 15.12.2026");

    expect(await app.say("Anna", `election vote ${id} 1 --confirm`)).toContain("on tallennettu");
    const after = await app.say("Anna", "overview");
    expect(after).toContain("olet äänestänyt");
    expect(after).not.toContain("voit äänestää");
    // Only Anna's own action items: the chair sees the meeting but not her task.
    expect(await app.say("Admin", "overview")).not.toContain("Kirjoittaa pääkirjoituksen");
  });

  it("drops a deadline once it has passed, and a meeting once it is over", async () => {
    await app.say("Admin", "meeting schedule Viestintä 3.12.2026 klo 14 Maakuntasali");
    app.clock.set(new Date("2026-12-01T10:00:00Z"));
    const shown = await app.say("Anna", "overview");
    expect(shown).toContain("Tulevat kokoukset");
    expect(shown).not.toContain("Esityslistoille voi vielä jättää asioita");
    app.clock.set(new Date("2026-12-04T10:00:00Z"));
    expect(await app.say("Anna", "overview")).not.toContain("Tulevat kokoukset");
  });

  it("speaks the reader's language, with times in their format", async () => {
    await app.say("Anna", "lang en");
    await app.say("Admin", "meeting schedule Viestintä 3.12.2026 klo 14 Maakuntasali");
    const shown = await app.say("Anna", "overview");
    expect(shown).toContain("Your working groups");
    expect(shown).toMatch(/Viestintä 1\. Thu,? 03\/12\/2026,? 14:00 · Maakuntasali/);
    expect(shown).toContain("Agendas still taking items");
  });

  it("reads a member of many groups (a council's secretary) across all of them: meetings by time, drafts the latest of all, their own to check first", async () => {
    await app.say("Admin", "group create Alue");
    await app.say("Admin", "meeting schedule Talous 4.12.2026 klo 10 Kirjasto");
    await app.say("Admin", "meeting schedule Viestintä 3.12.2026 klo 14 Maakuntasali");
    await app.say("Admin", "meeting schedule Alue 2.12.2026 klo 9 Sali");
    const read = app.store.uow.read;
    const admin = (await read.people.findByExternalId("console:admin"))!;
    const groups = await Promise.all(["Alue", "Talous", "Viestintä"].map(async (name) => (await read.groups.findByName(consoleWorkspace, name))!));
    // 24 closed meetings with draft minutes, weekly back from 20.11.2026, the groups in turn; the
    // oldest (Viestintä's) has the admin as a checker.
    const drafts: { group: string; startsAt: number; id: string }[] = [];
    await app.store.uow.run(async (stores) => {
      for (let i = 0; i < 24; i++) {
        const group = groups[i % 3]!;
        const startsAt = new Date(Date.UTC(2026, 10, 20, 12) - i * 7 * 86_400_000);
        const meeting = await stores.meetings.create({ groupId: group.id, startsAt, place: null, agendaDeadline: startsAt });
        await stores.meetings.update(meeting.id, { status: "closed", openedAt: startsAt, closedAt: startsAt, minutes: `# Pöytäkirja ${i}` });
        await stores.minutes.saveStatus({ meetingId: meeting.id, state: "draft", checkedAt: null, approvedAtMeetingId: null, approvedAt: null });
        drafts.push({ group: group.name, startsAt: startsAt.getTime(), id: meeting.id });
      }
      await stores.minutes.setOfficials(drafts.at(-1)!.id, "checker", [{ meetingId: drafts.at(-1)!.id, role: "checker", position: 1, name: "Admin", personId: admin.id }]);
    });
    const numberOf = new Map(await Promise.all(drafts.map(async (d) => [d.id, (await read.meetings.findById(d.id))!.number] as const)));
    const line = (d: (typeof drafts)[number]) => `${d.group} ${numberOf.get(d.id)}`;

    const shown = await app.say("Admin", "overview");
    expect(shown).toContain("*Omat työryhmäsi*\nAlue\nTalous\nViestintä");
    const ahead = shown.slice(shown.indexOf("Tulevat kokoukset"));
    expect([...ahead.matchAll(/^(\S+) 1\. \S+ (\d+\.\d+)\.2026/gm)].map((m) => `${m[1]} ${m[2]}`).slice(0, 3)).toEqual(["Alue 2.12", "Viestintä 3.12", "Talous 4.12"]);
    const listed = [...shown.matchAll(/^(\S+), kokous (\d+): luonnos/gm)].map((m) => `${m[1]} ${m[2]}`);
    // The admin's own draft to check, then the nineteen latest of all three groups.
    expect(listed).toEqual([line(drafts.at(-1)!), ...drafts.slice(0, 19).map(line)]);
    expect(shown).toContain("Kaikki eivät mahtuneet tähän");
  });

  it("lists a member's twenty earliest open action items and says where the rest are", async () => {
    // Day 1 is done; days 2..24 stay open, entered latest first so that the store's order is what sorts them.
    for (let day = 24; day >= 1; day--) await app.say("Admin", `action add Viestintä Anna ${day}.1.2027 Tehtävä ${day}`);
    // Numbered in the order added: day 1's is the 24th.
    expect(await app.say("Anna", "action done Viestintä 24")).toContain("Tehtävä 1");

    const shown = await app.say("Anna", "overview");
    const due = [...shown.matchAll(/Tehtävä (\d+) — Anna, viimeistään (\d+)\.1\.2027/g)].map((m) => Number(m[2]));
    expect(due).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(shown).toContain("Kaikki eivät mahtuneet tähän");
  });
});
