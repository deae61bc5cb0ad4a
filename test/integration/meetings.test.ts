import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, replyText, type Backend, type TestApp } from "../support/test-app.ts";
import { foundViestinta } from "../support/viestinta.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];
const day = 24 * 3_600_000;

describe.each(backends)("meetings on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    // 28.11.2026 12:00 in Helsinki; the meeting is on 3.12. and its agenda closes on 30.11.
    app = await createTestApp({ backend, start: new Date("2026-11-28T10:00:00Z") });
    await foundViestinta(app);
    await app.say("Anna", "group add Viestintä Olli observer");
    expect(await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14 Maakuntasali")).toContain("Kokous 1 kutsuttu koolle");
  });
  afterEach(() => app.close());

  const channel = () => app.chat.textsIn("#viestinta").join("\n");
  const history = () => app.say("Anna", "group history Viestintä 100");

  it("refuses a time in the past or one it cannot read, with an example, storing nothing", async () => {
    expect(await app.say("Anna", "meeting schedule Viestintä 1.11.2026 klo 14")).toContain("Aika on jo mennyt");
    const unreadable = await app.say("Anna", "meeting schedule Viestintä ensi tiistaina");
    expect(unreadable).toContain('En ymmärrä aikaa "ensi tiistaina"');
    expect(unreadable).toMatch(/\d{1,2}\.\d{1,2}\.20\d\d klo 14/);
    expect(await app.say("Anna", "meeting list Viestintä")).not.toMatch(/^2\. /m);
  });

  it("answers a move into the past with an example of the same command that is taken, for the same meeting", async () => {
    const refused = await app.say("Anna", "meeting reschedule Viestintä 1 1.11.2026 klo 18");
    // 28.11. now: the same clock time a week on.
    expect(refused).toContain("Aika on jo mennyt. Valitse tuleva aika, esim. /council meeting reschedule Viestintä 1 5.12.2026 18:00");
    expect(await app.say("Anna", "meeting reschedule Viestintä 1 5.12.2026 18:00")).toContain("la 5.12.2026 klo 18.00");
    expect(await app.say("Anna", "meeting list Viestintä")).not.toMatch(/^- 2\./m);
  });

  it("opens the agenda with the standard items and lets members add theirs before the deadline", async () => {
    expect(await app.say("Maija", "agenda add Viestintä Uutiskirje -- Kevään numerot. https://esimerkki.fi/u")).toContain("on kohtana 5");
    expect(await app.say("Olli", "agenda add Viestintä Tarkkailijan asia")).toContain("Vain työryhmän Viestintä jäsenet ja varajäsenet");
    const agenda = await app.say("Maija", "agenda list Viestintä");
    expect(agenda.split("\n").filter((l) => /^\d+\. /.test(l))).toEqual([
      "1. Kokouksen avaus",
      "2. Laillisuus ja päätösvaltaisuus",
      "3. Pöytäkirjantarkastajien valinta",
      "4. Työjärjestyksen hyväksyminen",
      "5. Uutiskirje",
      "6. Kokouksen päättäminen",
    ]);
    expect(agenda).toContain("Kevään numerot.\nhttps://esimerkki.fi/u");
  });

  it("holds a late item for the chair, refuses to publish until it is decided, then posts amendments", async () => {
    await app.say("Maija", "agenda add Viestintä Uutiskirje");
    app.clock.advance(3 * day); // past the deadline (30.11. 14:00)
    expect(await app.say("Liisa", "agenda add Viestintä Myöhäinen asia")).toContain("odottaa puheenjohtajan hyväksyntää");
    expect(await app.say("Maija", "agenda accept Viestintä 6")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Anna", "agenda publish Viestintä")).toContain("Myöhästyneet kohdat 6 odottavat päätöstä: hyväksy, siirrä tai hylkää ne ensin (/council agenda accept Viestintä 6).");
    expect(await app.say("Anna", "agenda accept Viestintä 6")).toContain('Kohta 6 "Myöhäinen asia" hyväksytty');
    expect(await app.say("Anna", "agenda publish Viestintä")).toContain("julkaistu työryhmän Viestintä kanavalla");
    expect(channel()).toContain("Esityslista: Viestintä, kokous 1");
    await app.say("Anna", "agenda move Viestintä 6 5");
    expect(channel()).toContain('Esityslistan muutos (Viestintä, kokous 1): siirretty toiseen kohtaan "Myöhäinen asia"');
  });

  it("tells the proposer why an item was rejected, by direct message", async () => {
    await app.say("Maija", "agenda add Viestintä Kesäjuhlat");
    expect(await app.say("Anna", "agenda reject Viestintä 5 Asia kuuluu hallitukselle")).toContain("hylätty");
    const direct = app.chat.directs.find((d) => d.externalId === "console:maija");
    expect(replyText(direct!.reply)).toContain('Jättämäsi asia "Kesäjuhlat" (työryhmä Viestintä, kokous 1) hylättiin. Perustelu: Asia kuuluu hallitukselle');
    expect(await app.say("Anna", "agenda list Viestintä")).toContain("Hylätyt: Kesäjuhlat");
  });

  it("carries deferred and cancelled-meeting items to the next meeting, after the standard items", async () => {
    await app.say("Maija", "agenda add Viestintä Uutiskirje");
    await app.say("Liisa", "agenda add Viestintä Some-kanavat");
    expect(await app.say("Anna", "agenda defer Viestintä 5")).toContain("siirretty seuraavaan kokoukseen");
    expect(await app.say("Anna", "meeting cancel Viestintä 1 --confirm")).toContain("Kokous 1 peruttu");
    expect(await app.say("Maija", "agenda add-to Viestintä 1 Liian myöhään")).toContain("Kokous 1 on peruttu");
    await app.say("Anna", "meeting schedule Viestintä 14.1.2027 klo 17 https://meet.example.org/x");
    const agenda = await app.say("Anna", "agenda list Viestintä");
    expect(agenda).toContain("kokouksen 2 esityslista");
    expect(agenda).toContain("5. Uutiskirje");
    expect(agenda).toContain("6. Some-kanavat");
    expect(agenda).toContain("7. Kokouksen päättäminen");
  });

  it("moves a cancelled meeting's items to the next meeting already called, also one at the same time", async () => {
    await app.say("Anna", "meeting schedule Viestintä 10.12.2026 klo 14 Maakuntasali");
    // A second meeting at a taken time is refused now; data from before can hold one.
    expect(await app.say("Anna", "meeting schedule Viestintä 10.12.2026 klo 14 Kirjasto")).toContain("on jo kutsuttu samaan aikaan");
    await app.say("Anna", "meeting schedule Viestintä 10.12.2026 klo 15 Kirjasto");
    await app.store.uow.run(async (stores) => {
      const [, , third] = await stores.meetings.list((await stores.groups.findByName("console:local", "Viestintä"))!.id);
      await stores.meetings.update(third!.id, { startsAt: new Date("2026-12-10T12:00:00Z") });
    });
    await app.say("Maija", "agenda add Viestintä Uutiskirje");
    await app.say("Liisa", "agenda add Viestintä Some-kanavat");
    expect(await app.say("Anna", "meeting cancel Viestintä 1 --confirm")).toContain("Kokous 1 peruttu");
    const second = await app.say("Anna", "agenda list Viestintä 2");
    expect(second).toContain("5. Uutiskirje");
    expect(second).toContain("6. Some-kanavat");
    expect(second).toContain("7. Kokouksen päättäminen");
    // Meeting 3 is at the same time as 2: when 2 is cancelled, it is where its items go.
    expect(await app.say("Anna", "meeting cancel Viestintä 2 --confirm")).toContain("Kokous 2 peruttu");
    expect(await app.say("Anna", "agenda list Viestintä 3")).toContain("6. Some-kanavat");
    // Nothing waits to be carried to a meeting called later.
    await app.say("Anna", "meeting schedule Viestintä 14.1.2027 klo 17 Maakuntasali");
    expect(await app.say("Anna", "agenda list Viestintä 4")).not.toContain("Uutiskirje");
  });

  it("keeps a decided item with its decision: it is neither rejected nor deferred", async () => {
    await app.say("Maija", "agenda add Viestintä Uutiskirje");
    app.clock.advance(5 * day);
    await app.say("Anna", "meeting open Viestintä --confirm");
    await app.say("Anna", "agenda decide Viestintä 5 Hyväksyttiin.");
    const rejected = await app.say("Anna", "agenda reject Viestintä 5 Ei meille");
    expect(rejected).toContain("Kohdassa 5 on jo päätös");
    expect(rejected).toContain("/council agenda decide Viestintä 5");
    expect(await app.say("Anna", "agenda defer Viestintä 5")).toContain("Kohdassa 5 on jo päätös");
    expect(await app.say("Anna", "agenda list Viestintä")).toContain("5. Uutiskirje (päätetty)");
  });

  it("carries a deferred item only to its own group's next meeting", async () => {
    await app.say("Anna", "group create Talous");
    await app.say("Anna", "meeting schedule Talous 4.12.2026 klo 10 Kirjasto");
    await app.say("Anna", "agenda add Talous Tilinpäätös");
    expect(await app.say("Anna", "agenda defer Talous 5")).toContain("siirretty seuraavaan kokoukseen");
    await app.say("Anna", "agenda add Viestintä Uutiskirje");
    expect(await app.say("Anna", "agenda defer Viestintä 5")).toContain("siirretty seuraavaan kokoukseen");

    await app.say("Anna", "meeting schedule Viestintä 14.1.2027 klo 17 Maakuntasali");
    const ours = await app.say("Anna", "agenda list Viestintä 2");
    expect(ours).toContain("5. Uutiskirje");
    expect(ours).not.toContain("Tilinpäätös");

    await app.say("Anna", "meeting schedule Talous 15.1.2027 klo 10 Kirjasto");
    const theirs = await app.say("Anna", "agenda list Talous 2");
    expect(theirs).toContain("5. Tilinpäätös");
    expect(theirs).not.toContain("Uutiskirje");
  });

  it("moves a meeting's reminders with it and removes them when it is cancelled", async () => {
    const reminders = async () => (await app.store.uow.read.reminders.listForGroup((await app.store.uow.read.groups.findByName("console:local", "Viestintä"))!.id)).filter((r) => r.eventKey);
    expect((await reminders()).map((r) => r.nextDueAt?.toISOString()).sort()).toEqual([
      "2026-11-30T12:00:00.000Z",
      "2026-12-01T12:00:00.000Z",
      "2026-12-03T11:00:00.000Z",
    ]);
    await app.say("Anna", "meeting reschedule Viestintä 1 10.12.2026 14:00");
    expect((await reminders()).map((r) => r.nextDueAt?.toISOString()).sort()).toEqual([
      "2026-12-07T12:00:00.000Z",
      "2026-12-08T12:00:00.000Z",
      "2026-12-10T11:00:00.000Z",
    ]);
    await app.say("Anna", "meeting cancel Viestintä 1 --confirm");
    expect(await reminders()).toEqual([]);
  });

  it("runs the meeting: attendance and quorum, decisions and votes, action items, minutes", async () => {
    await app.say("Maija", "agenda add Viestintä Uutiskirjeen aikataulu -- Sovitaan kevään numeroista.");
    await app.say("Liisa", "agenda add Viestintä Budjetti 2027");
    await app.say("Anna", "agenda publish Viestintä");
    expect(await app.say("Anna", "agenda decide Viestintä 5 Liian aikaisin")).toContain("Kokous 1 ei ole käynnissä. Avaa se ensin: /council meeting open Viestintä");
    await app.say("Anna", "meeting open Viestintä --confirm");
    expect(await app.say("Anna", "meeting here Viestintä")).toContain("ei päätösvaltainen (1/3 ääntä, vähintään 2)");
    expect(await app.say("Anna", "meeting attend Viestintä Pekka remote")).toContain("päätösvaltainen (2/3 ääntä, vähintään 2)");
    expect(await app.say("Anna", "agenda vote Viestintä 6 3 0 0")).toContain("Ääniä on 3, mutta äänioikeutettuja on läsnä vain 2");
    await app.say("Anna", "agenda decide Viestintä 3 Pöytäkirjantarkastajiksi valittiin Pekka ja Anna.");
    await app.say("Anna", "agenda decide Viestintä 6 Budjetti hyväksyttiin.");
    expect(await app.say("Anna", "agenda vote Viestintä 6 2 0 0")).toContain("Ehdotus hyväksyttiin");
    expect(await app.say("Anna", "action add Viestintä Maija 15.12.2026 Kirjoittaa pääkirjoituksen")).toContain("Tehtävä 1 kirjattu");
    expect(await app.say("Anna", "action add Viestintä Maija 1.1.2020 Liian myöhään")).toContain("Määräpäivä on jo mennyt");
    const closeQuestion = await app.say("Anna", "meeting close Viestintä");
    expect(closeQuestion).toContain("[Vahvista] [Peruuta]");
    const closing = await app.dispatcher.runLine(app.request("Anna"), "meeting close Viestintä --confirm");
    expect(replyText(closing)).toContain("Kokous 1 päätetty");
    expect(closing.attachments?.[0]?.filename).toBe("viestintä-1.md");

    const post = app.chat.posts.at(-1)!;
    const minutes = post.reply.attachments?.[0];
    expect(minutes?.filename).toBe("viestintä-1.md");
    const text = minutes!.content;
    expect(text).toContain("# Pöytäkirja: Viestintä, kokous 1");
    expect(text).toContain("- Anna (puheenjohtaja)");
    expect(text).toContain("- Pekka (varajäsen, jäsenen Maija sijaan), etänä");
    expect(text).toContain("Kokous todettiin päätösvaltaiseksi: läsnä 2/3 ääntä (vähintään 2).");
    expect(text).toMatch(/\*\*Poissa:\*\* .*Maija \(jäsen\)/);
    expect(text).toMatch(/\*\*Poissa:\*\* .*Liisa \(jäsen\)/);
    expect(text).not.toMatch(/\*\*Poissa:\*\* .*Olli/);
    expect(text).toContain("### 3. Pöytäkirjantarkastajien valinta\n\n**Päätös:** Pöytäkirjantarkastajiksi valittiin Pekka ja Anna.");
    expect(text).toContain("### 5. Uutiskirjeen aikataulu\n\nSovitaan kevään numeroista.\n\n**Päätös:** ei päätöstä; asia siirtyy seuraavaan kokoukseen");
    expect(text).toContain("### 6. Budjetti 2027\n\n**Päätös:** Budjetti hyväksyttiin.\n**Äänestys:** jaa 2, ei 0, tyhjiä 0");
    expect(text).toContain("### 7. Kokouksen päättäminen");
    expect(text).toContain("## Seuraavaan kokoukseen siirtyvät asiat\n\n- Uutiskirjeen aikataulu");
    expect(text).toContain("- 1. Kirjoittaa pääkirjoituksen — Maija, viimeistään 15.12.2026");

    expect(await app.say("Anna", "agenda decide Viestintä 6 Muutos")).toContain("Työryhmällä Viestintä ei ole tulevaa kokousta");
    expect(await app.say("Anna", "meeting minutes Viestintä 1")).toContain("Pöytäkirja: Viestintä, kokous 1");
    expect(await app.say("Maija", "action list")).toContain("Viestintä 1. Kirjoittaa pääkirjoituksen — Maija, viimeistään 15.12.2026");
    expect(await app.say("Liisa", "action done Viestintä 1")).toContain("Vain tehtävän 1 vastuuhenkilö");
    expect(await app.say("Maija", "action done Viestintä 1")).toContain("Tehtävä 1 (Viestintä) tehty");

    // The undecided item waits for the next meeting.
    await app.say("Anna", "meeting schedule Viestintä 14.1.2027 klo 17");
    expect(await app.say("Anna", "agenda list Viestintä")).toContain("5. Uutiskirjeen aikataulu");

    const log = await history();
    for (const line of ["Anna kutsui koolle kokouksen 1", "Anna avasi kokouksen 1", "Anna kirjasi äänestyksen kohtaan 6: jaa 2, ei 0, tyhjiä 0", "Anna päätti kokouksen 1", "Maija merkitsi tehtävän 1 tehdyksi"]) {
      expect(log).toContain(line);
    }
  });

  it("lets an officer set the agenda deadline by hand; items after it wait for the chair", async () => {
    expect(await app.say("Maija", "meeting deadline Viestintä 1 29.11.2026 klo 16")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    const set = await app.say("Anna", "meeting deadline Viestintä 1 29.11.2026 klo 16");
    expect(set).toContain("Kokouksen 1 esityslistan määräaika asetettu: Viestintä.");
    expect(set).toContain("Asiat viimeistään: su 29.11.2026 klo 16.00");
    expect(channel()).toContain("🗓️ Viestintä: kokouksen 1 esityslistalle voi jättää asioita su 29.11.2026 klo 16.00 asti.");
    const group = (await app.store.uow.read.groups.findByName("console:local", "Viestintä"))!;
    const deadlineReminders = (await app.store.uow.read.reminders.listForGroup(group.id)).filter((r) => r.eventKey && r.messageKey === "reminders.event.agenda-deadline");
    expect(deadlineReminders.map((r) => r.nextDueAt?.toISOString())).toEqual(["2026-11-29T14:00:00.000Z"]);
    expect(await app.say("Maija", "agenda add Viestintä Ajoissa")).toContain("on kohtana 5");
    app.clock.advance(day + 5 * 3_600_000); // 28.11. 12:00 → 29.11. 17:00, past the new deadline (16:00)
    expect(await app.say("Liisa", "agenda add Viestintä Myöhässä")).toContain("odottaa puheenjohtajan hyväksyntää");
    expect(await history()).toContain("Anna muutti kokouksen 1 esityslistan määräaikaa");
  });

  it("refuses a deadline in the past, after the meeting or unreadable, changing nothing", async () => {
    const before = await history();
    expect(await app.say("Anna", "meeting deadline Viestintä 1 1.11.2026")).toContain("Määräaika on jo mennyt");
    const late = await app.say("Anna", "meeting deadline Viestintä 1 4.12.2026 klo 10");
    expect(late).toContain("Määräajan pitää olla ennen kokousta 1 (to 3.12.2026 klo 14.00)");
    // The example is a deadline that is taken: a day before the meeting.
    expect(late).toContain("/council meeting deadline Viestintä 1 2.12.2026 14:00");
    expect(await app.say("Anna", "meeting deadline Viestintä 1 pian")).toContain('En ymmärrä määräaikaa "pian"');
    expect(await app.say("Anna", "meeting deadline Viestintä 9 29.11.2026")).toContain("Työryhmällä Viestintä ei ole kokousta 9");
    expect(await app.say("Anna", "meeting show Viestintä 1")).toContain("Asiat viimeistään: ma 30.11.2026 klo 14.00");
    expect(await history()).toBe(before);
  });

  it("refuses unknown meeting and item numbers, and officers' work from members, saying who may; nothing changes", async () => {
    await app.say("Maija", "agenda add Viestintä Uutiskirje");
    const before = await history();
    expect(await app.say("Anna", "meeting show Viestintä 7")).toContain("Työryhmällä Viestintä ei ole kokousta 7");
    expect(await app.say("Maija", "agenda add-to Viestintä 4 Asia")).toContain("Työryhmällä Viestintä ei ole kokousta 4");
    expect(await app.say("Anna", "agenda accept Viestintä 9")).toContain("Kokouksen 1 esityslistalla ei ole kohtaa 9 (kohtia on 6). Katso: /council agenda list Viestintä");
    expect(await app.say("Anna", "agenda move Viestintä 2 6")).toContain("Kohta 2 on kokouksen vakiokohta");
    for (const line of ["agenda move Viestintä 5 5", "agenda publish Viestintä", "meeting open Viestintä", "meeting reschedule Viestintä 1 4.12.2026 14:00"]) {
      const refusal = await app.say("Maija", line);
      expect(refusal).toContain("Vain työryhmän Viestintä puheenjohtaja, varapuheenjohtaja, sihteeri tai työtilan ylläpitäjä");
      expect(refusal).toContain("Anna");
    }
    expect(await history()).toBe(before);
    await app.say("Anna", "meeting open Viestintä --confirm");
    const afterOpen = await history();
    for (const line of ["agenda decide Viestintä 5 Hyväksyttiin", "agenda vote Viestintä 5 1 0 0", "meeting close Viestintä --confirm"]) {
      expect(await app.say("Maija", line)).toContain("Vain työryhmän Viestintä puheenjohtaja");
    }
    expect(await app.say("Anna", "meeting attend Viestintä Olli remote Maija")).toContain("Olli ei ole varajäsen");
    expect(await history()).toBe(afterOpen);
  });

  it("lists my own open action items with `mine`, across groups", async () => {
    await app.say("Anna", "action add Viestintä Maija 15.12.2026 Kirjoittaa pääkirjoituksen");
    for (const line of ["action list", "action list mine", "action list omat"]) {
      const mine = await app.say("Maija", line);
      expect(mine).toContain("Omat avoimet tehtäväsi");
      expect(mine).toContain("Viestintä 1. Kirjoittaa pääkirjoituksen — Maija, viimeistään 15.12.2026");
    }
    expect(await app.say("Liisa", "action list mine")).toContain("Ei tehtäviä");
  });

  it("warns the chair when a decision is recorded at a meeting that is not quorate", async () => {
    await app.say("Maija", "agenda add Viestintä Uutiskirje");
    await app.say("Anna", "meeting open Viestintä --confirm");
    const warned = await app.say("Anna", "agenda decide Viestintä 5 Hyväksyttiin.");
    expect(warned).toContain("Päätös kirjattu kohtaan 5.");
    expect(warned).toContain("Huom: kokous ei ole päätösvaltainen (0/3 ääntä, vähintään 2)");
    await app.say("Anna", "meeting here Viestintä");
    await app.say("Maija", "meeting here Viestintä remote");
    expect(await app.say("Anna", "agenda decide Viestintä 5 Hyväksyttiin.")).not.toContain("Huom");
  });
});
