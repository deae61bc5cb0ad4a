import { afterEach, describe, expect, it } from "vitest";
import { runConsole } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";

const script = (lines: string[]) => `${lines.join("\n")}\n`;

describe("a whole meeting cycle in the console bot", () => {
  const databases: ReturnType<typeof tempDatabase>[] = [];
  afterEach(() => databases.splice(0).forEach((db) => db.remove()));

  it("runs from the first agenda item to published minutes, in Finnish", async () => {
    const db = tempDatabase();
    databases.push(db);
    const run = await runConsole(
      script([
        "group create Viestintä",
        "/channel #viestinta",
        "group link-channel Viestintä",
        'group add Viestintä "Maija Virtanen"',
        'group add Viestintä "Pekka Korhonen" deputy',
        'group deputy Viestintä "Pekka Korhonen" "Maija Virtanen"',
        'group add Viestintä "Liisa Laine" secretary',
        "meeting schedule Viestintä 3.12.2030 klo 14 Maakuntasali, Kuopio",
        "/as Maija Virtanen",
        "agenda add Viestintä Uutiskirjeen aikataulu -- Sovitaan kevään numeroista. https://esimerkki.fi/luonnos",
        "/as Liisa Laine",
        "agenda add Viestintä Budjetti 2031",
        "agenda publish Viestintä",
        "meeting open Viestintä --confirm",
        "meeting here Viestintä",
        'meeting attend Viestintä "Pekka Korhonen" remote',
        "/as Admin",
        "meeting here Viestintä",
        "/as Liisa Laine",
        "agenda decide Viestintä 3 Pöytäkirjantarkastajiksi valittiin Pekka Korhonen ja Liisa Laine.",
        "agenda decide Viestintä 5 Aikataulu hyväksyttiin: numerot ilmestyvät maalis- ja toukokuussa.",
        "agenda decide Viestintä 6 Budjetti hyväksyttiin esityksen mukaan.",
        "agenda vote Viestintä 6 2 0 1",
        'action add Viestintä "Maija Virtanen" 15.12.2030 Kirjoittaa kevään ensimmäisen pääkirjoituksen',
        "meeting close Viestintä",
        "1",
      ]),
      { DATABASE_URL: db.url },
    );
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("[kanavalle #viestinta] 📅 Viestintä: kokous 1 ti 3.12.2030 klo 14.00, Maakuntasali, Kuopio.");
    expect(out).toContain('Asia "Uutiskirjeen aikataulu" on kohtana 5 työryhmän Viestintä kokouksen 1 esityslistalla.');
    expect(out).toContain("[kanavalle #viestinta] == Esityslista: Viestintä, kokous 1 ==");
    expect(out).toContain("Pekka Korhonen: etänä. Päätösvaltaisuus: päätösvaltainen (2/3 ääntä, vähintään 2).");
    expect(out).toContain("Äänestys kohdassa 6: jaa 2, ei 0, tyhjiä 1. Ehdotus hyväksyttiin.");
    expect(out).toContain("Päätetäänkö työryhmän Viestintä kokous?");
    expect(out).toContain("Kokous 1 päätetty: Viestintä. Pöytäkirja on laadittu.");
    const minutes = out.slice(out.indexOf("--- viestintä-1.md ---"));
    for (const line of [
      "# Pöytäkirja: Viestintä, kokous 1",
      "**Paikka:** Maakuntasali, Kuopio",
      "- Liisa Laine (sihteeri)",
      "- Pekka Korhonen (varajäsen, jäsenen Maija Virtanen sijaan), etänä",
      "- Admin (puheenjohtaja)",
      "Kokous todettiin päätösvaltaiseksi: läsnä 3/3 ääntä (vähintään 2).",
      "### 1. Kokouksen avaus",
      "**Päätös:** Puheenjohtaja avasi kokouksen.",
      "### 2. Laillisuus ja päätösvaltaisuus",
      "### 3. Pöytäkirjantarkastajien valinta",
      "**Päätös:** Pöytäkirjantarkastajiksi valittiin Pekka Korhonen ja Liisa Laine.",
      "### 4. Työjärjestyksen hyväksyminen",
      "### 5. Uutiskirjeen aikataulu",
      "https://esimerkki.fi/luonnos",
      "**Äänestys:** jaa 2, ei 0, tyhjiä 1",
      "### 7. Kokouksen päättäminen",
      "- 1. Kirjoittaa kevään ensimmäisen pääkirjoituksen — Maija Virtanen, viimeistään 15.12.2030",
      "Puheenjohtaja: ______________________   Sihteeri: ______________________",
    ]) {
      expect(minutes).toContain(line);
    }
  });

  it("runs the same cycle in English, for a group whose council works in English", async () => {
    const db = tempDatabase();
    databases.push(db);
    const run = await runConsole(
      script([
        "group create Communications",
        "/channel #communications",
        "group link-channel Communications",
        "group add Communications Mary",
        "group add Communications Peter",
        "meeting schedule Communications 2030-12-03 17:00 https://meet.example.org/council",
        "/as Mary",
        "agenda add Communications Newsletter schedule -- Agree the spring issues.",
        "/as Admin",
        "agenda publish Communications",
        "meeting open Communications --confirm",
        "meeting here Communications",
        "meeting attend Communications Mary remote",
        "agenda decide Communications 5 The schedule was approved.",
        "action add Communications Peter 2030-12-20 Draft the first issue",
        "meeting close Communications --confirm",
      ]),
      { DATABASE_URL: db.url, DEFAULT_LOCALE: "en" },
    );
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("[to channel #communications] == Agenda: Communications, meeting 1 ==");
    expect(out).toContain("Mary: remote. Quorum: quorate (2/3 votes, at least 2).");
    const minutes = out.slice(out.indexOf("--- communications-1.md ---"));
    for (const line of [
      "# Minutes: Communications, meeting 1",
      "**Place:** https://meet.example.org/council",
      "- Mary (member), remote",
      "The meeting was found quorate: 2/3 votes present (at least 2).",
      "### 1. Opening of the meeting",
      "### 5. Newsletter schedule",
      "**Decision:** The schedule was approved.",
      "### 6. Closing of the meeting",
      "- 1. Draft the first issue — Peter, due 20/12/2030",
      "Chair: ______________________   Secretary: ______________________",
    ]) {
      expect(minutes).toContain(line);
    }
  });

  it("answers a member who chose English in English, while the Finnish group's agenda and minutes stay Finnish", async () => {
    const db = tempDatabase();
    databases.push(db);
    const run = await runConsole(
      script([
        "group create Viestintä",
        "/channel #viestinta",
        "group link-channel Viestintä",
        "group add Viestintä Mary",
        "group add Viestintä Matti",
        "meeting schedule Viestintä 2030-12-03 17:00 https://meet.example.org/x",
        "/as Mary",
        "lang en",
        "agenda add Viestintä Newsletter schedule -- Agree the spring issues.",
        "action list mine",
        "/as Admin",
        "meeting deadline Viestintä 1 1.12.2030 klo 12",
        "agenda publish Viestintä",
        "meeting open Viestintä --confirm",
        "meeting here Viestintä",
        "meeting attend Viestintä Mary remote",
        "agenda decide Viestintä 5 Aikataulu hyväksyttiin.",
        "action add Viestintä Mary 20.12.2030 Luonnostelee ensimmäisen numeron",
        "meeting close Viestintä --confirm",
        "/as Mary",
        "action list mine",
        "action done Viestintä 1",
      ]),
      { DATABASE_URL: db.url },
    );
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Item "Newsletter schedule" is number 5 on the agenda of meeting 1 of working group Viestintä.');
    expect(out).toContain("Kokouksen 1 esityslistan määräaika asetettu: Viestintä.");
    expect(out).toContain("[kanavalle #viestinta] 🗓️ Viestintä: kokouksen 1 esityslistalle voi jättää asioita su 1.12.2030 klo 12.00 asti.");
    expect(out).toContain("[kanavalle #viestinta] == Esityslista: Viestintä, kokous 1 ==");
    const minutes = out.slice(out.indexOf("--- viestintä-1.md ---"));
    for (const line of [
      "# Pöytäkirja: Viestintä, kokous 1",
      "- Mary (jäsen), etänä",
      "**Poissa:** Matti (jäsen)",
      "### 5. Newsletter schedule",
      "**Päätös:** Aikataulu hyväksyttiin.",
      "- 1. Luonnostelee ensimmäisen numeron — Mary, viimeistään 20.12.2030",
    ]) {
      expect(minutes).toContain(line);
    }
    expect(out).toContain("Your open action items");
    expect(out).toContain("Viestintä 1. Luonnostelee ensimmäisen numeron — Mary, due 20/12/2030");
  });
});
