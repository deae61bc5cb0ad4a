import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, replyText, type Backend, type TestApp } from "../support/test-app.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];
const day = 24 * 3_600_000;

describe.each(backends)("meetings on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    // 28.11.2026 12:00 in Helsinki; the meeting is on 3.12. and its agenda closes on 30.11.
    app = await createTestApp({ backend, start: new Date("2026-11-28T10:00:00Z") });
    await app.say("Anna", "group create Viestintä");
    await app.dispatcher.runLine(app.request("Anna", "#viestinta"), "group link-channel Viestintä");
    await app.say("Anna", "group add Viestintä Maija");
    await app.say("Anna", "group add Viestintä Liisa");
    await app.say("Anna", "group add Viestintä Pekka deputy");
    await app.say("Anna", "group deputy Viestintä Pekka Maija");
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
    expect(unreadable).toContain("3.12.2026 klo 14");
    expect(await app.say("Anna", "meeting list Viestintä")).not.toMatch(/^2\. /m);
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
    expect(await app.say("Anna", "agenda publish Viestintä")).toContain("Myöhästyneet kohdat 6 odottavat päätöstä");
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
    expect(await app.say("Anna", "agenda decide Viestintä 5 Liian aikaisin")).toContain("Kokous 1 ei ole käynnissä");
    await app.say("Anna", "meeting open Viestintä");
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
    expect(await app.say("Anna", "meeting close Viestintä --confirm")).toContain("Kokous 1 päätetty");

    const post = app.chat.posts.at(-1)!;
    const minutes = post.reply.attachments?.[0];
    expect(minutes?.filename).toBe("viestintä-1.md");
    const text = minutes!.content;
    expect(text).toContain("# Pöytäkirja: Viestintä, kokous 1");
    expect(text).toContain("- Anna (puheenjohtaja)");
    expect(text).toContain("- Pekka (varajäsen, jäsenen Maija sijaan), etänä");
    expect(text).toContain("Kokous todettiin päätösvaltaiseksi: läsnä 2/3 ääntä (vähintään 2).");
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
});
