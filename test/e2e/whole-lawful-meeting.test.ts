import { describe, expect, it } from "vitest";
import { runScript } from "../support/run-console.ts";

// Issue 12's whole path in one console script, as a secretary would run it: the notice, the
// officials, a tie refused until the chair states their opinion and then decided by it, a recusal, a dissent, the close, two checkers with a
// correction in between, and a decision without a meeting reaching its dated minutes.
describe("a whole lawful meeting in the console bot, from the notice to checked minutes", () => {
  it("ends with checked minutes that name the officials, the legality, the tie, the recusal, the dissent, the approvals and the hash", async () => {
    const run = await runScript([
      "group create Viestintä",
      "/channel #viestinta",
      "group link-channel Viestintä",
      'group add Viestintä "Maija Virtanen"',
      'group add Viestintä "Liisa Laine" sihteeri',
      'group add Viestintä "Pekka Korhonen"',
      "group rules Viestintä notice 14",
      "meeting schedule Viestintä 3.12.2030 klo 14 Maakuntasali, Kuopio",
      "agenda add Viestintä Budjetti 2031",
      "agenda add Viestintä Kopiokoneen hankinta -- Tarjous Virtasen yritykseltä.",
      "agenda publish Viestintä",
      "meeting open Viestintä --confirm",
      "meeting here Viestintä",
      'meeting attend Viestintä "Maija Virtanen" present',
      'meeting attend Viestintä "Liisa Laine" present',
      'meeting attend Viestintä "Pekka Korhonen" remote',
      'meeting officials Viestintä pj Admin sihteeri "Liisa Laine" tarkastajat "Maija Virtanen" "Pekka Korhonen"',
      "agenda vote Viestintä 5 2 2 0",
      "agenda vote Viestintä 5 2 2 0 --chair-yes",
      "agenda decide Viestintä 5 Budjetti hyväksyttiin puheenjohtajan kannan mukaisesti.",
      'agenda recuse Viestintä 6 "Maija Virtanen"',
      "agenda vote Viestintä 6 2 1 0",
      "agenda decide Viestintä 6 Kopiokone hankitaan tarjouksen mukaan.",
      "/as Pekka Korhonen",
      "agenda dissent Viestintä 6 Hankinta olisi pitänyt kilpailuttaa.",
      "/as Admin",
      "meeting close Viestintä --confirm",
      "/as Maija Virtanen",
      "minutes show Viestintä 1",
      "1",
      "/as Liisa Laine",
      "minutes fix Viestintä 1 6 Kopiokone hankitaan tarjouksen mukaan, huoltosopimus erikseen.",
      "/as Pekka Korhonen",
      "minutes show Viestintä 1",
      "1",
      "/as Maija Virtanen",
      "minutes show Viestintä 1",
      "1",
      "/as Admin",
      "decide Viestintä 15.12.2030 Hyväksytään kevään uutiskirjeen aikataulu.",
      "/as Maija Virtanen",
      "decision show Viestintä 1",
      "1",
      "/as Liisa Laine",
      "decision answer Viestintä 1 yes",
      "/as Pekka Korhonen",
      "decision answer Viestintä 1 no",
      "/as Admin",
      "decision answer Viestintä 1 yes",
      "/as Olli",
      "minutes show Viestintä 1",
    ]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("Äänet menivät tasan kohdassa 5 (jaa 2, ei 2). Kokouksessa ratkaisee puheenjohtajan kanta (yhdistyslaki 27 §).");
    expect(out).toContain("Äänet menivät tasan; puheenjohtajan kanta ratkaisi: ehdotus hyväksyttiin.");
    expect(out).toContain("Maija Virtanen kirjattiin esteelliseksi kohdassa 6");
    // The decision's buttons, pressed on the console by their numbers.
    expect(out).toContain("Vastauksesi päätösehdotukseen 1: kyllä.");
    expect(out).toContain("Hyväksyit kokouksen 1 pöytäkirjan: 1/2 hyväksytty.");
    expect(out).toContain("Annetut tarkastukset raukesivat: 0/2 hyväksytty.");
    expect(out).toContain("Työryhmän Viestintä kokouksen 1 pöytäkirja on tarkastettu (2/2).");

    // What any member reads at the end.
    const final = out.slice(out.lastIndexOf("# Pöytäkirja: Viestintä, kokous 1"));
    for (const line of [
      "# Pöytäkirja: Viestintä, kokous 1 (1/2030)",
      "Kokous todettiin laillisesti koolle kutsutuksi (kutsu julkaistiin työryhmän kanavalla",
      "vähintään 14 pv ennen kokousta) ja päätösvaltaiseksi.",
      "**Tulos:** ehdotus hyväksyttiin (äänet tasan, puheenjohtajan kanta ratkaisi)",
      "**Esteellisyys:** Maija Virtanen ilmoitti olevansa esteellinen eikä osallistunut asian käsittelyyn.",
      "**Eriävä mielipide (Pekka Korhonen):** Hankinta olisi pitänyt kilpailuttaa.",
      "**Päätös:** Kopiokone hankitaan tarjouksen mukaan, huoltosopimus erikseen.",
      "Puheenjohtaja Admin: ______________________   Sihteeri Liisa Laine: ______________________",
      "**Pöytäkirja:** tarkastettu",
    ]) {
      expect(final).toContain(line);
    }
    expect(final).toMatch(/- Tarkastanut Maija Virtanen \S+ \d+\.\d+\.\d{4} klo \d+\.\d\d/);
    expect(final).toMatch(/- Tarkastanut Pekka Korhonen \S+ \d+\.\d+\.\d{4} klo \d+\.\d\d/);
    expect(final).toMatch(/Tarkastetun tekstin SHA-256: [0-9a-f]{64}/);

    const decision = out.slice(out.indexOf("--- viestintä-paatos-1.md ---"));
    expect(decision).toContain("# Pöytäkirja: Viestintä, päätös ilman kokousta 1");
    expect(decision).toContain("**Päivätty:**");
    for (const line of [
      "Hyväksytään kevään uutiskirjeen aikataulu.",
      "- Kaikki jäsenet vastasivat ennen vastausajan päättymistä",
      "- Maija Virtanen: kyllä",
      "- Pekka Korhonen: ei",
      "Kyllä 3, ei 1, tyhjiä 0, vastaamatta 0.",
      "**Päätös:** ehdotus hyväksyttiin",
    ]) {
      expect(decision).toContain(line);
    }
    expect(decision).toContain("Päätöksen moiteaika päättyy");
  });
});
