import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { consoleWorkspace } from "../../adapters/console/directory.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { createScheduler } from "../../src/schedule/scheduler.ts";
import { createTestApp, replyText, silentLogger, type Backend, type TestApp } from "../support/test-app.ts";
import { foundViestinta } from "../support/viestinta.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];

describe.each(backends)("decisions without a meeting on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    // 28.11.2026 12:00 in Helsinki. Anna chairs; Maija and Liisa are members; Pekka is Maija's deputy.
    app = await createTestApp({ backend, start: new Date("2026-11-28T10:00:00Z") });
    await foundViestinta(app);
  });
  afterEach(() => app.close());

  const channel = () => app.chat.textsIn("#viestinta").join("\n");
  const directsTo = (name: string) => app.chat.directs.filter((d) => d.externalId === `console:${name.toLowerCase()}`).map((d) => replyText(d.reply));
  const minutesPosts = () => app.chat.posts.filter((p) => p.reply.attachments?.some((a) => a.filename.includes("paatos")));

  it("takes answers by button from members and deputies, reminds the silent, and closes at the deadline with dated minutes and a lot", async () => {
    // Under deputies-vote not-voted a deputy answers for a member who has not (the default, prevented, below).
    await app.say("Anna", "group rules Viestintä deputies-vote not-voted");
    expect(await app.say("Maija", "decide Viestintä 1.12.2026 Hyväksytään kevään aikataulu.")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Anna", "decide Viestintä 31.2.2026 Hyväksytään kevään aikataulu.")).toContain('En ymmärrä päivämäärää "31.2.2026"');
    // A time after the date would have become the start of the proposal.
    expect(await app.say("Anna", "decide Viestintä 1.12.2026 klo 18 Hyväksytään kevään aikataulu.")).toContain("Esim. /council decide Viestintä 1.12.2026 Hyväksytään kevään aikataulu.");
    expect(await app.say("Anna", "decide Viestintä 1.12.2026 18:00 Hyväksytään kevään aikataulu.")).toContain("kellonaikaa (18:00) ei anneta");
    expect(await app.say("Anna", "decide Viestintä 1.12.2026 Hyväksytään kevään aikataulu.")).toContain("Päätösehdotus 1 tehty työryhmälle Viestintä. Vastausaika päättyy ti 1.12.2026 klo 23.59");
    expect(channel()).toContain("Viestintä: päätösehdotus 1 (ilman kokousta)");
    const post = app.chat.posts.find((p) => p.channelId === "#viestinta" && replyText(p.reply).includes("päätösehdotus 1"))!;
    const buttons = post.reply.blocks.find((b) => b.type === "buttons");
    expect(buttons && "buttons" in buttons ? buttons.buttons.map((b) => b.call) : []).toEqual([
      { command: "decision answer", args: { group: "Viestintä", number: 1, answer: "yes" } },
      { command: "decision answer", args: { group: "Viestintä", number: 1, answer: "no" } },
      { command: "decision answer", args: { group: "Viestintä", number: 1, answer: "abstain" } },
    ]);
    for (const name of ["Anna", "Maija", "Liisa", "Pekka"]) expect(directsTo(name).join("\n")).toContain("Hyväksytään kevään aikataulu.");

    // Buttons run `decision answer` as whoever presses them.
    expect(await app.say("Pekka", "decision answer Viestintä 1 yes")).toContain("jäsenen Maija varajäsenenä: kyllä");
    expect(await app.say("Maija", "decision answer Viestintä 1 no")).toContain("Vastauksesi päätösehdotukseen 1: ei");
    expect(await app.say("Pekka", "decision answer Viestintä 1 yes")).toContain("on jo vastannut ehdotukseen 1 itse");
    expect(await app.say("Olli", "decision answer Viestintä 1 yes")).toContain("Et ole työryhmän Viestintä jäsen");
    const shown = await app.say("Maija", "decision show Viestintä 1");
    expect(shown).toContain("avoinna: 1/3 vastannut");
    expect(shown).toContain("odotetaan: Anna");
    expect(shown).toContain("[kyllä] [ei] [tyhjä]");

    // A day before the deadline, those who have not answered are reminded, nobody else.
    app.clock.set(new Date("2026-11-30T22:00:00Z"));
    await app.services.reminderDispatch.sendDueReminders(app.clock.now());
    expect(directsTo("Liisa").join("\n")).toContain("Et ole vielä vastannut työryhmän Viestintä päätösehdotukseen 1.");
    expect(directsTo("Anna").join("\n")).toContain("Et ole vielä vastannut");
    expect(directsTo("Maija").join("\n")).not.toContain("Et ole vielä vastannut");

    await app.say("Anna", "decision answer Viestintä 1 yes");
    // The scheduler's tick after the deadline closes it, dated at the deadline; another changes nothing.
    app.clock.set(new Date("2026-12-02T06:00:00Z"));
    await createScheduler({ services: app.services, clock: app.clock, logger: silentLogger }).tick();
    expect(await app.services.decisions.closeDue(app.clock.now())).toBe(0);
    expect(minutesPosts()).toHaveLength(1);
    const minutes = minutesPosts()[0]!.reply.attachments![0]!.content;
    expect(minutes).toContain("# Pöytäkirja: Viestintä, päätös ilman kokousta 1");
    expect(minutes).toContain("**Päivätty:** 1.12.2026 klo 23.59");
    expect(minutes).toContain("- Maija: ei");
    expect(minutes).toContain("- Liisa: ei vastannut");
    expect(minutes).toContain("Kyllä 1, ei 1, tyhjiä 0, vastaamatta 1.");
    expect(minutes).toContain("(äänet menivät tasan; ratkaistiin arvalla)");
    expect(minutes).toContain("Päätöksen moiteaika päättyy 1.3.2027");
    // Anyone can check the lot: the seed in the minutes hashes to the hash published with the proposal.
    const [, hash, seed] = /tiiviste \(SHA-256\), julkaistu ehdotuksen mukana: ([0-9a-f]+); siemen: ([0-9a-f]+)/.exec(minutes)!;
    expect(createHash("sha256").update(seed!).digest("hex")).toBe(hash);
    expect(channel()).toContain("Viestintä: päätösehdotus 1 on ratkaistu");
    expect(await app.say("Liisa", "decision answer Viestintä 1 yes")).toContain("Päätösehdotuksen 1 vastausaika on päättynyt");
    expect(await app.say("Anna", "group history Viestintä 50")).toContain("Päätösehdotus 1 ratkaistiin");
  });

  it("needs every member's own yes when unanimous, and closes as soon as everyone has answered", async () => {
    await app.say("Anna", "decide Viestintä 15.12.2026 Siirretään joulukuun kokous. --unanimous");
    expect(await app.say("Pekka", "decision answer Viestintä 1 yes")).toContain("vaatii jokaisen jäsenen oman kyllä-vastauksen");
    for (const name of ["Anna", "Maija", "Liisa"]) await app.say(name, "decision answer Viestintä 1 yes");
    const minutes = minutesPosts()[0]!.reply.attachments![0]!.content;
    expect(minutes).toContain("Kaikki jäsenet vastasivat ennen vastausajan päättymistä; päätös tehtiin 28.11.2026 klo 12.00.");
    expect(minutes).toContain("**Päätös:** ehdotus hyväksyttiin");
    expect(await app.say("Anna", "decision show Viestintä 1")).toContain("Tila: ehdotus hyväksyttiin");
  });

  it("shows an open proposal in each seat holder's overview and in the digest, and its outcome once decided", async () => {
    await app.say("Anna", "group rules Viestintä deputies-vote not-voted");
    await app.say("Anna", "decide Viestintä 15.12.2026 Hyväksytään kevään aikataulu.\nLiitteenä luonnos.");
    const pending = "Viestintä, ehdotus 1: Hyväksytään kevään aikataulu. — vastausaika ti 15.12.2026 klo 23.59";
    for (const name of ["Maija", "Pekka"]) {
      const overview = await app.say(name, "overview");
      expect(overview).toContain("Päätösehdotukset ilman kokousta");
      expect(overview).toContain(`${pending} — vastaa: /council decision show Viestintä 1`);
    }
    await app.say("Pekka", "decision answer Viestintä 1 yes");
    expect(await app.say("Pekka", "overview")).toContain(`${pending} — olet vastannut`);
    expect(await app.say("Maija", "overview")).toContain(`${pending} — varajäsenesi on vastannut; voit vastata itse`);
    await app.say("Maija", "decision answer Viestintä 1 no");
    expect(await app.say("Pekka", "overview")).toContain(`${pending} — varsinainen jäsenesi on vastannut`);

    app.clock.advance(60_000);
    const digest = async () => {
      const composed = await app.services.digest.compose(app.store.uow.read, {
        workspaceId: consoleWorkspace, from: new Date("2026-11-27T00:00:00Z"), to: app.clock.now(), timeZone: "Europe/Helsinki", locale: "fi",
      });
      return composed.sections.find((s) => s.id === "decisions")?.entries.map((e) => `${e.title} | ${e.text}`) ?? [];
    };
    expect(await digest()).toEqual([
      "Viestintä: päätösehdotus 1 (ilman kokousta): ratkaistaan viimeistään ti 15.12.2026 klo 23.59; jäsenet vastaavat painikkeilla | Hyväksytään kevään aikataulu.\nLiitteenä luonnos.",
    ]);

    for (const name of ["Anna", "Liisa"]) await app.say(name, "decision answer Viestintä 1 yes");
    app.clock.advance(60_000);
    expect(await digest()).toContain("Viestintä: päätösehdotus 1 (ilman kokousta): ehdotus hyväksyttiin | Hyväksytään kevään aikataulu.\nLiitteenä luonnos.");
    expect(await app.say("Maija", "overview")).not.toContain("Päätösehdotukset ilman kokousta");
  });

  it("lets a deputy answer only for a member who declared themselves prevented, under the default rule prevented", async () => {
    await app.say("Anna", "decide Viestintä 15.12.2026 Hyväksytään aikataulu.");
    const refused = await app.say("Pekka", "decision answer Viestintä 1 yes");
    expect(refused).toContain("Voit vastata ehdotukseen 1 jäsenen Maija puolesta vasta, kun hän on ilmoittanut olevansa estynyt");
    expect(refused).toContain("/council decision prevented Viestintä 1");
    const toAnswer = "— vastaa: /council decision show Viestintä 1";
    expect(await app.say("Maija", "overview")).toContain(toAnswer);
    expect(await app.say("Pekka", "overview")).not.toContain(toAnswer);
    // Who cannot declare themselves prevented is told why, before any question.
    expect(await app.say("Pekka", "decision prevented Viestintä 1")).toContain("Estyneeksi ilmoittautuu jäsen itse");
    expect(await app.say("Liisa", "decision prevented Viestintä 1")).toContain("Sinulla ei ollut henkilökohtaista varajäsentä");
    await app.say("Anna", "group add Viestintä Olli deputy");
    await app.say("Anna", "group deputy Viestintä Olli Liisa");
    // The roll was fixed with the proposal: Liisa still has no deputy on it.
    expect(await app.say("Liisa", "decision prevented Viestintä 1")).toContain("Sinulla ei ollut henkilökohtaista varajäsentä");
    expect(await app.say("Maija", "decision prevented Viestintä 1")).toContain("Ilmoitetaanko sinut estyneeksi päätösehdotuksessa 1 (Viestintä)?");
    expect(await app.say("Pekka", "decision answer Viestintä 1 yes")).toContain("vasta, kun hän on ilmoittanut olevansa estynyt");
    expect(await app.say("Maija", "decision prevented Viestintä 1 --confirm")).toContain("Olet ilmoittanut olevasi estynyt päätösehdotuksessa 1. Varajäsenesi Pekka saa vastata puolestasi");
    expect(directsTo("Pekka").join("\n")).toContain("Maija on estynyt vastaamaan työryhmän Viestintä päätösehdotukseen 1");
    expect(await app.say("Maija", "decision prevented Viestintä 1 --confirm")).toContain("Olet jo ilmoittanut olevasi estynyt ehdotuksessa 1");
    expect(await app.say("Maija", "decision answer Viestintä 1 no")).toContain("varajäsenesi vastaa puolestasi; et voi enää vastata itse");
    expect(await app.say("Maija", "overview")).not.toContain(toAnswer);
    expect(await app.say("Pekka", "overview")).toContain(toAnswer);
    expect(await app.say("Pekka", "decision answer Viestintä 1 yes")).toContain("jäsenen Maija varajäsenenä: kyllä");
    // Having answered, a member has nothing to hand over.
    await app.say("Liisa", "decision answer Viestintä 1 no");
    expect(await app.say("Liisa", "decision prevented Viestintä 1")).toContain("Sinulla ei ollut henkilökohtaista varajäsentä");
    // The day before the deadline only Anna's seat is unanswered; Maija's is Pekka's and answered.
    app.clock.set(new Date("2026-12-14T22:00:00Z"));
    await app.services.reminderDispatch.sendDueReminders(app.clock.now());
    expect(directsTo("Anna").join("\n")).toContain("Et ole vielä vastannut");
    for (const name of ["Maija", "Pekka", "Liisa"]) expect(directsTo(name).join("\n")).not.toContain("Et ole vielä vastannut");
  });

  it("reminds the deputy, not the member, of a seat its member handed over; refuses the declaration under another rule and after an answer", async () => {
    await app.say("Anna", "decide Viestintä 15.12.2026 Hyväksytään aikataulu.");
    await app.say("Maija", "decision prevented Viestintä 1 --confirm");
    app.clock.set(new Date("2026-12-14T22:00:00Z"));
    await app.services.reminderDispatch.sendDueReminders(app.clock.now());
    expect(directsTo("Pekka").join("\n")).toContain("Et ole vielä vastannut");
    expect(directsTo("Maija").join("\n")).not.toContain("Et ole vielä vastannut");
    await app.say("Anna", "decide Viestintä 20.12.2026 Toinen ehdotus.");
    await app.say("Maija", "decision answer Viestintä 2 yes");
    expect(await app.say("Maija", "decision prevented Viestintä 2")).toContain("Olet jo vastannut ehdotukseen 2, joten estyneeksi ilmoittautuminen ei enää muuttaisi mitään");
  });

  it("needs no declaration under deputies-vote not-voted, and refuses one", async () => {
    await app.say("Anna", "group rules Viestintä deputies-vote not-voted");
    await app.say("Anna", "decide Viestintä 15.12.2026 Hyväksytään aikataulu.");
    expect(await app.say("Maija", "decision prevented Viestintä 1")).toContain("Työryhmän Viestintä sääntö on deputies-vote not-voted, joten estyneeksi ilmoittautumista ei tarvita");
    expect(await app.say("Pekka", "decision answer Viestintä 1 yes")).toContain("jäsenen Maija varajäsenenä: kyllä");
  });

  it("keeps deputies out when the group's rule says deputies never vote", async () => {
    await app.say("Anna", "group rules Viestintä deputies-vote never");
    await app.say("Anna", "decide Viestintä 15.12.2026 Hyväksytään aikataulu.");
    expect(await app.say("Pekka", "decision answer Viestintä 1 yes")).toContain("varajäsenet eivät äänestä (deputies-vote never)");
  });
});
