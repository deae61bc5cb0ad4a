import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { foundViestinta } from "../support/viestinta.ts";

const hour = 3_600_000;
const day = 24 * hour;

// Issue 12's bugs, each as a user met it.
describe("meetings, as issue 12 found them", () => {
  let app: TestApp;
  beforeEach(async () => {
    // 28.11.2026 12:00 in Helsinki.
    app = await createTestApp({ start: new Date("2026-11-28T10:00:00Z") });
    await foundViestinta(app);
  });
  afterEach(() => app.close());

  const channel = () => app.chat.textsIn("#viestinta").join("\n");
  const numbered = (text: string) => text.split("\n").filter((l) => /^\d+\. /.test(l));

  it("keeps the item numbers the minutes gave after the meeting closes", async () => {
    await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14 Maakuntasali");
    await app.say("Maija", "agenda add Viestintä Uutiskirje");
    await app.say("Liisa", "agenda add Viestintä Some-kanavat");
    await app.say("Maija", "agenda add Viestintä Budjetti");
    await app.say("Anna", "meeting open Viestintä --confirm");
    await app.say("Anna", "agenda decide Viestintä 5 Hyväksyttiin.");
    await app.say("Anna", "agenda decide Viestintä 7 Hyväksyttiin.");
    const before = numbered(await app.say("Anna", "agenda list Viestintä 1"));
    expect(before).toContain("8. Kokouksen päättäminen");
    await app.say("Anna", "meeting close Viestintä --confirm");
    const minutes = await app.say("Anna", "minutes show Viestintä 1");
    expect(minutes).toContain("### 7. Budjetti");
    expect(minutes).toContain("### 8. Kokouksen päättäminen");
    // Item 6 was left undecided: it carries over, and still the closed meeting's numbers hold.
    expect(numbered(await app.say("Anna", "agenda list Viestintä 1"))).toEqual(before.map((l) => l.replace(" (päätetty)", " (päätetty)")));
    expect(await app.say("Anna", "meeting show Viestintä 1")).toContain("8. Kokouksen päättäminen");
    await app.say("Anna", "meeting schedule Viestintä 14.1.2027 klo 17");
    expect(numbered(await app.say("Anna", "agenda list Viestintä 1"))).toEqual(before);
    expect(await app.say("Anna", "agenda list Viestintä 2")).toContain("5. Some-kanavat");
  });

  it("refuses to move an item onto a standard item's place, and posts no amendment", async () => {
    await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14");
    await app.say("Maija", "agenda add Viestintä Uutiskirje");
    await app.say("Anna", "agenda publish Viestintä");
    const posts = app.chat.posts.length;
    expect(await app.say("Anna", "agenda move Viestintä 5 1")).toContain("Kohdan voi siirtää vain kohtiin 5–5");
    expect(await app.say("Anna", "agenda move Viestintä 5 5")).toContain("Asia on jo kohtana 5");
    expect(app.chat.posts.length).toBe(posts);
    await app.say("Liisa", "agenda add Viestintä Some");
    expect(await app.say("Anna", "agenda move Viestintä 6 5")).toContain('"Some" on nyt kohtana 5');
    expect(numbered(await app.say("Anna", "agenda list Viestintä")).slice(4, 6)).toEqual(["5. Some", "6. Uutiskirje"]);
  });

  it("sends no reminder of a meeting that has closed or been cancelled", async () => {
    await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14");
    await app.say("Anna", "meeting schedule Viestintä 4.12.2026 klo 14");
    await app.say("Anna", "meeting cancel Viestintä 2 --confirm");
    app.clock.set(new Date("2026-12-03T11:00:00Z")); // 13.00, an hour before meeting 1
    await app.say("Anna", "meeting open Viestintä --confirm");
    await app.say("Anna", "meeting close Viestintä --confirm");
    const before = channel();
    for (const at of ["2026-12-03T11:05:00Z", "2026-12-04T11:05:00Z"]) {
      app.clock.set(new Date(at));
      await app.services.reminderDispatch.sendDueReminders(app.clock.now());
    }
    expect(channel().slice(before.length)).not.toContain("tunnin kuluttua");
  });

  it("takes role names in Finnish and Swedish wherever a role is typed", async () => {
    expect(await app.say("Anna", "group add Viestintä Olli varajäsen")).toContain("varajäsen");
    expect(await app.say("Anna", "group role Viestintä Liisa sihteeri")).toContain("sihteeri");
    expect(await app.say("Anna", 'group role Viestintä Maija "vice ordförande"')).toContain("varapuheenjohtaja");
    expect(await app.say("Anna", "group add Viestintä Eeva suppleant")).toContain("varajäsen");
    const members = await app.say("Anna", "group members Viestintä");
    expect(members).toMatch(/Liisa.*sihteeri/);
    expect(members).toMatch(/Maija.*varapuheenjohtaja/);
  });

  it("schedules a meeting on a date typed without a year, as remind add reads it", async () => {
    expect(await app.say("Anna", "meeting schedule Viestintä 10.12. klo 14 Maakuntasali")).toContain("Kokous 1 kutsuttu koolle");
    expect(await app.say("Anna", "meeting show Viestintä 1")).toContain("to 10.12.2026 klo 14.00");
    // 5 January has passed this year: the next one is in 2027.
    await app.say("Anna", "meeting schedule Viestintä 5.1. klo 9");
    expect(await app.say("Anna", "meeting show Viestintä 2")).toContain("5.1.2027");
  });

  it("tells a plain member they may not close the meeting before asking them to confirm", async () => {
    await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14");
    await app.say("Anna", "meeting open Viestintä --confirm");
    const answer = await app.say("Maija", "meeting close Viestintä");
    expect(answer).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(answer).not.toContain("Päätetäänkö");
    expect(await app.say("Maija", "meeting cancel Viestintä 1")).not.toContain("[Vahvista]");
    expect(await app.say("Maija", "group archive Viestintä")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Anna", "meeting close Viestintä")).toContain("Päätetäänkö");
  });

  it("does not list the deputy of a member who came as absent", async () => {
    await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14");
    await app.say("Anna", "meeting open Viestintä --confirm");
    await app.say("Anna", "meeting here Viestintä");
    await app.say("Maija", "meeting here Viestintä");
    await app.say("Anna", "meeting close Viestintä --confirm");
    const minutes = await app.say("Anna", "minutes show Viestintä 1");
    expect(minutes).toMatch(/\*\*Poissa:\*\* Liisa \(jäsen\)\n/);
    expect(minutes).not.toMatch(/Poissa:.*Pekka/);
  });

  it("numbers meetings per year as associations do", async () => {
    await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14");
    await app.say("Anna", "meeting schedule Viestintä 14.1.2027 klo 14");
    await app.say("Anna", "meeting schedule Viestintä 4.2.2027 klo 14");
    const list = await app.say("Anna", "meeting list Viestintä");
    expect(list).toContain("1. (1/2026)");
    expect(list).toContain("2. (1/2027)");
    expect(list).toContain("3. (2/2027)");
    expect(await app.say("Anna", "meeting show Viestintä 3")).toContain("Viestintä: kokous 3 (2/2027)");
    void day;
  });

  it("asks before opening a meeting more than an hour before its time, and opens one on time at once", async () => {
    await app.say("Anna", "meeting schedule Viestintä 1.12.2026 klo 14 Maakuntasali");
    const asked = await app.say("Anna", "meeting open Viestintä");
    expect(asked).toMatch(/Kokous 1 on kutsuttu alkamaan ti 1\.12\.2026 klo 14\.00\. Avataanko se jo nyt\? Pöytäkirjaan tulee avaamisen aika\./);
    expect(await app.say("Anna", "meeting show Viestintä 1")).not.toContain("käynnissä");
    expect(await app.say("Maija", "meeting open Viestintä")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Anna", "meeting open Viestintä --confirm")).toContain("Kokous 1 avattu");
    expect(await app.say("Anna", "meeting show Viestintä 1")).toContain("käynnissä");
    await app.say("Anna", "meeting close Viestintä --confirm");
    // Half an hour before its time: opened without a question.
    app.clock.set(new Date("2026-12-08T11:30:00Z"));
    await app.say("Anna", "meeting schedule Viestintä 8.12.2026 klo 14 Maakuntasali");
    expect(await app.say("Anna", "meeting open Viestintä")).toContain("Kokous 2 avattu");
  });

  it("refuses a second meeting called for the same time, and a meeting moved onto another's time, changing nothing", async () => {
    await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14 Maakuntasali");
    await app.say("Anna", "meeting schedule Viestintä 10.12.2026 klo 14 Maakuntasali");
    const again = await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14 Pieni sali");
    expect(again).toContain("Kokous 1 on jo kutsuttu samaan aikaan (to 3.12.2026 klo 14.00). Jos se siirtyy, siirrä se: /council meeting reschedule Viestintä 1 ");
    expect(await app.say("Anna", "meeting reschedule Viestintä 2 3.12.2026 klo 14")).toContain("Kokous 1 on jo kutsuttu samaan aikaan");
    const list = await app.say("Anna", "meeting list Viestintä");
    expect(list).not.toContain("Pieni sali");
    expect(list).toMatch(/to 10\.12\.2026 klo 14\.00/);
    // A cancelled meeting's time is free again.
    await app.say("Anna", "meeting cancel Viestintä 1 --confirm");
    expect(await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14 Pieni sali")).toContain("3.12.2026");
  });
});
