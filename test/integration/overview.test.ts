import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
