import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, type Backend, type TestApp } from "../support/test-app.ts";
import { foundViestinta } from "../support/viestinta.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];
const day = 24 * 3_600_000;

describe.each(backends)("lawful meetings on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    // 28.11.2026 12:00 in Helsinki. Anna chairs; Maija and Liisa are members; Pekka is Maija's deputy.
    app = await createTestApp({ backend, start: new Date("2026-11-28T10:00:00Z") });
    await foundViestinta(app);
  });
  afterEach(() => app.close());

  const minutesOf = async (number: number) => {
    const group = await app.store.uow.read.groups.findByName("console:local", "Viestintä");
    return (await app.store.uow.read.meetings.find(group!.id, number))?.minutes ?? "";
  };
  /** Opens the meeting at its start with Anna, Maija and Liisa present. */
  const holdMeeting = async (startsAt: Date) => {
    app.clock.set(startsAt);
    await app.say("Anna", "meeting open Viestintä --confirm");
    for (const name of ["Anna", "Maija", "Liisa"]) await app.say(name, "meeting here Viestintä");
  };

  it("shows the Act's defaults and lets an officer change a rule, with a correct example for a bad value", async () => {
    const rules = await app.say("Maija", "group rules Viestintä");
    expect(rules).toContain("Kokouskutsun aika* (`notice`): vähintään 7 päivää ennen kokousta — `0–60`");
    expect(rules).toContain("Päätösvaltaisuus* (`quorum`): yli puolet jäsenistä paikalla");
    expect(rules).toContain("Etäosallistuminen* (`remote`): sallittu");
    expect(rules).toContain("Ilmoittautuminen* (`registration`): ei ilmoittautumista");
    expect(rules).toContain("Vaalitapa, kun sitä ei mainita* (`election`): suhteellinen vaali (vertausluvut ilman listoja)");
    const bad = await app.say("Anna", "group rules Viestintä notice viikko");
    expect(bad).toContain('Säännön notice arvo ei voi olla "viikko". Vaihtoehdot: 0–60. Esimerkiksi: /council group rules "Viestintä" notice 14');
    expect(await app.say("Maija", "group rules Viestintä notice 14")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Anna", "group rules Viestintä notice 14")).toContain("vähintään 14 päivää ennen kokousta");
    expect(await app.say("Anna", "group history Viestintä")).toContain("Anna muutti sääntöä notice: 7 → 14");
    expect(app.chat.textsIn("#viestinta").join("\n")).toContain("Työryhmän Viestintä sääntö muuttui: Kokouskutsun aika: vähintään 14 päivää ennen kokousta.");
  });

  it("creates an election without a named method as the group's election rule says", async () => {
    // §28: an election without a meeting (every chat ballot) is proportional unless the rules say otherwise.
    const proportional = await app.say("Anna", "election create Viestintä 3 Edustajat 2028");
    expect(proportional).toContain("suhteellinen vaali ilman listoja (3 valittavaa");
    expect(proportional).not.toContain("⚠️");
    await app.say("Anna", "group rules Viestintä election majority");
    const majority = await app.say("Anna", "election create Viestintä 3 Edustajat 2027");
    expect(majority).toContain("enemmistövaali (3 valittavaa");
    // Where the group chose majority, a block vote for several seats is still pointed out.
    expect(majority).toContain("Yhdistyslain 28 §:n mukaan vaali on suhteellinen");
    expect(await app.say("Anna", "election create Viestintä 1 plurality Puheenjohtaja")).not.toContain("suhteellinen");
    await app.say("Anna", "group rules Viestintä election proportional");
    const plurality = await app.say("Anna", "election create Viestintä 3 plurality Edustajat 2029");
    expect(plurality).toContain("enemmistövaali (3 valittavaa");
    expect(plurality).toContain("⚠️ Työryhmän Viestintä sääntöjen mukaan vaalit ovat suhteellisia (group rules: election proportional), mutta tämä vaali on plurality-vaali");
    expect(plurality).not.toContain("Yhdistyslain 28 §");
    expect(await app.say("Anna", "election create Viestintä 3 approval Edustajat 2030")).toContain("tämä vaali on approval-vaali");
    expect(await app.say("Anna", "election create Viestintä 3 stv Edustajat 2031")).not.toContain("⚠️");
    expect(await app.say("Anna", "election create Viestintä 1 plurality Puheenjohtaja 2027")).not.toContain("⚠️");
    await app.say("Anna", "lang en");
    expect(await app.say("Anna", "election create Viestintä 2 plurality Edustajat 2032")).toContain("⚠️ The rules of Viestintä say its elections are proportional");
    await app.say("Anna", "lang sv");
    expect(await app.say("Anna", "election create Viestintä 2 plurality Edustajat 2033")).toContain("⚠️ Enligt arbetsgruppen Viestintäs regler är valen proportionella");
    await app.say("Anna", "lang fi");
  });

  it("calls the meeting lawfully when the agenda went out the notice period before, and says why not otherwise", async () => {
    // Meeting 1 is five days away: the default seven days' notice cannot be met.
    await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14 Maakuntasali");
    await app.say("Anna", "agenda publish Viestintä");
    expect(app.chat.textsIn("#viestinta").join("\n")).toContain("Kokoukseen voi osallistua myös etänä");
    await holdMeeting(new Date("2026-12-03T12:00:00Z"));
    await app.say("Anna", "meeting close Viestintä --confirm");
    const late = await minutesOf(1);
    expect(late).toContain("Kokousta ei kutsuttu koolle laillisesti: kutsu julkaistiin");
    expect(late).toContain("myöhemmin kuin 7 pv ennen kokousta. Kokous oli päätösvaltainen.");
    expect(late).not.toContain("laillisesti koolle kutsutuksi");

    // Meeting 2 on 17.12.: notice on 4.12. is 13 days ahead.
    await app.say("Anna", "group rules Viestintä registration 2");
    await app.say("Anna", "meeting schedule Viestintä 17.12.2026 klo 14 Maakuntasali");
    app.clock.set(new Date("2026-12-04T08:00:00Z"));
    await app.say("Anna", "agenda publish Viestintä");
    expect(app.chat.textsIn("#viestinta").join("\n")).toContain("Ilmoittaudu viimeistään ti 15.12.2026 klo 14.00.");
    for (const name of ["Anna", "Maija", "Liisa"]) await app.say(name, "meeting register Viestintä");
    await holdMeeting(new Date("2026-12-17T12:00:00Z"));
    await app.say("Anna", "meeting close Viestintä --confirm");
    expect(await minutesOf(2)).toContain("Kokous todettiin laillisesti koolle kutsutuksi (kutsu julkaistiin työryhmän kanavalla 4.12.2026 klo 10.00, vähintään 7 pv ennen kokousta) ja päätösvaltaiseksi.");
  });

  it("takes part only those registered by the deadline, where the rules ask for registration", async () => {
    expect(await app.say("Maija", "meeting register Viestintä")).toContain("Työryhmällä Viestintä ei ole tulevaa kokousta");
    await app.say("Anna", "meeting schedule Viestintä 17.12.2026 klo 14 Maakuntasali");
    expect(await app.say("Maija", "meeting register Viestintä")).toContain("Työryhmän Viestintä säännöt eivät edellytä ilmoittautumista");
    await app.say("Anna", "group rules Viestintä registration 2");

    expect(await app.say("Maija", "meeting register Viestintä --remote")).toContain(
      "Maija ilmoittautui työryhmän Viestintä kokoukseen 1 (etänä). Ilmoittautuneita 1. Ilmoittautuminen päättyy ti 15.12.2026 klo 14.00",
    );
    expect(await app.say("Olli", "meeting register Viestintä")).toContain("Olli ei ole työryhmän Viestintä jäsen");
    expect(await app.say("Liisa", "meeting register Viestintä Anna")).toContain("Vain työryhmän Viestintä");
    expect(await app.say("Anna", "meeting register Viestintä Liisa")).toContain("Liisa ilmoittautui");
    expect(await app.say("Liisa", "meeting unregister Viestintä")).toContain("Liisa ei enää ole ilmoittautunut");
    expect(await app.say("Liisa", "meeting unregister Viestintä")).toContain("ei ole ilmoittautunut kokoukseen 1, joten perumista ei ole");
    app.clock.advance(60_000);
    await app.say("Anna", "meeting register Viestintä");
    expect(await app.say("Anna", "meeting show Viestintä")).toContain("Ilmoittautuneet: Maija (etänä), Anna");

    // After the deadline nobody registers, officers included.
    app.clock.set(new Date("2026-12-15T12:00:01Z"));
    expect(await app.say("Liisa", "meeting register Viestintä")).toContain("Ilmoittautuminen työryhmän Viestintä kokoukseen 1 on päättynyt: se päättyy 2 päivää ennen kokousta");
    expect(await app.say("Anna", "meeting register Viestintä Liisa")).toContain("on päättynyt");

    app.clock.set(new Date("2026-12-17T12:00:00Z"));
    await app.say("Anna", "meeting open Viestintä --confirm");
    expect(await app.say("Anna", "meeting here Viestintä")).toContain("Anna: paikalla");
    const refused = await app.say("Liisa", "meeting here Viestintä");
    expect(refused).toContain("Liisa ei ilmoittautunut työryhmän Viestintä kokoukseen 1. Säännöt edellyttävät ilmoittautumista 2 päivää ennen kokousta");
    expect(refused).toContain("/council meeting attend Viestintä <varajäsen> present <jäsen>");
    expect(await app.say("Anna", "meeting attend Viestintä Liisa")).toContain("Liisa ei ilmoittautunut");
    // Maija registered and sends her deputy instead.
    expect(await app.say("Anna", "meeting attend Viestintä Pekka present Maija")).toContain("Pekka: paikalla");
    const shown = await app.say("Anna", "meeting show Viestintä");
    expect(shown).toContain("Läsnä: Anna, Pekka");
    expect(shown).not.toContain("Liisa");
    expect(await app.say("Anna", "group history Viestintä 20")).toContain("Anna ilmoitti osallistujan Liisa kokoukseen 1 (present)");
  });

  it("counts quorum by the group's formula: half with the chair present", async () => {
    await app.say("Anna", "group rules Viestintä quorum half-with-chair");
    await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14 Maakuntasali");
    app.clock.set(new Date("2026-12-03T12:00:00Z"));
    await app.say("Anna", "meeting open Viestintä --confirm");
    // Two of four voting members (Anna, Maija, Liisa … and no fourth): Maija and Liisa without the chair.
    await app.say("Maija", "meeting here Viestintä");
    expect(await app.say("Liisa", "meeting here Viestintä")).toContain("ei päätösvaltainen");
    expect(await app.say("Anna", "meeting here Viestintä")).toContain("päätösvaltainen (3/3 ääntä, vähintään 2)");
  });

  it("refuses remote attendance when the group's rules do not allow it", async () => {
    await app.say("Anna", "group rules Viestintä remote no");
    await app.say("Anna", "meeting schedule Viestintä 10.12.2026 klo 14 Maakuntasali");
    await app.say("Anna", "agenda publish Viestintä");
    expect(app.chat.textsIn("#viestinta").join("\n")).toContain("etäosallistuminen ei ole sallittu");
    app.clock.set(new Date("2026-12-10T12:00:00Z"));
    await app.say("Anna", "meeting open Viestintä --confirm");
    expect(await app.say("Maija", "meeting here Viestintä remote")).toContain("etäosallistuminen ei ole sallittu (remote no)");
    expect(await app.say("Maija", "meeting here Viestintä")).toContain("Maija: paikalla");
  });

  it("decides a tie by the chair's stated opinion, applies ¾, and records a recusal and a dissent in the minutes", async () => {
    await app.say("Anna", "meeting schedule Viestintä 10.12.2026 klo 14 Maakuntasali");
    await app.say("Maija", "agenda add Viestintä Budjetti 2027");
    await app.say("Liisa", "agenda add Viestintä Sääntömuutos -- Kokouskutsun aika 14 päivää");
    await app.say("Anna", "agenda publish Viestintä");
    await holdMeeting(new Date("2026-12-10T12:00:00Z"));

    expect(await app.say("Anna", "agenda recuse Viestintä 5 Maija")).toContain("Maija kirjattiin esteelliseksi kohdassa 5");
    expect(await app.say("Anna", "agenda vote Viestintä 5 2 1 0")).toContain("Ääniä on 3, mutta äänioikeutettuja on läsnä vain 2");
    const tie = await app.say("Anna", "agenda vote Viestintä 5 1 1 0");
    expect(tie).toContain("Äänet menivät tasan kohdassa 5 (jaa 1, ei 1)");
    expect(tie).toContain("/council agenda vote Viestintä 5 1 1 0 --chair-yes");
    expect(await app.say("Liisa", "agenda vote Viestintä 5 1 1 0 --chair-yes")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Anna", "agenda vote Viestintä 5 1 1 0 --chair-no")).toContain("puheenjohtajan kanta ratkaisi: ehdotus hylättiin");
    await app.say("Anna", "agenda decide Viestintä 5 Budjettia ei hyväksytty.");
    expect(await app.say("Maija", "agenda dissent Viestintä 5 Olisin hyväksynyt.")).toContain("Olet esteellinen kohdassa 5");
    await app.say("Anna", "group role Viestintä Maija secretary");
    expect(await app.say("Maija", "agenda decide Viestintä 5 Budjetti hyväksyttiin.")).toContain("Olet esteellinen kohdassa 5");
    expect(await app.say("Liisa", "agenda dissent Viestintä 5 Budjetti olisi pitänyt hyväksyä.")).toContain("Eriävä mielipiteesi kirjattiin kohtaan 5");

    expect(await app.say("Anna", "agenda vote Viestintä 6 2 1 0 --three-quarters")).toContain("Ehdotus hylättiin");
    expect(await app.say("Anna", "agenda vote Viestintä 6 3 0 0 --three-quarters")).toContain("Ehdotus hyväksyttiin");

    await app.say("Anna", "meeting close Viestintä --confirm");
    const minutes = await minutesOf(1);
    expect(minutes).toContain("**Tulos:** ehdotus hylättiin (äänet tasan, puheenjohtajan kanta ratkaisi)");
    expect(minutes).toContain("**Esteellisyys:** Maija ilmoitti olevansa esteellinen eikä osallistunut asian käsittelyyn.");
    expect(minutes).toContain("**Eriävä mielipide (Liisa):** Budjetti olisi pitänyt hyväksyä.");
    expect(minutes).toContain("**Tulos:** ehdotus hyväksyttiin (vaadittiin ¾ annetuista äänistä)");
    expect(await app.say("Anna", "group history Viestintä 50")).toContain("Anna kirjasi henkilön Maija esteelliseksi kohdassa 5");
  });

  it("refuses to decide an election added after the notice went out, but decides one that was in it", async () => {
    await app.say("Anna", "meeting schedule Viestintä 10.12.2026 klo 14 Maakuntasali");
    await app.say("Anna", "agenda add Viestintä Edustajan valinta maakuntaan --elect");
    await app.say("Anna", "agenda publish Viestintä");
    app.clock.advance(60_000);
    await app.say("Anna", "agenda add Viestintä Säännön muutos --rules");
    await holdMeeting(new Date("2026-12-10T12:00:00Z"));
    expect(await app.say("Anna", "agenda list Viestintä")).toContain("5. Edustajan valinta maakuntaan");
    expect(await app.say("Anna", "agenda decide Viestintä 5 Valittiin Maija.")).toContain("Päätös kirjattu kohtaan 5");
    const refused = await app.say("Anna", "agenda decide Viestintä 6 Muutettiin sääntöä.");
    expect(refused).toContain("Kohdasta 6 (sääntömuutos) ei voi päättää: asia on mainittava kokouskutsussa");
    expect(await app.say("Anna", "agenda vote Viestintä 6 3 0 0")).toContain("Kohdasta 6 (sääntömuutos) ei voi päättää");
  });
});
