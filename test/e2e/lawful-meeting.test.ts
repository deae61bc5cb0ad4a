import { describe, expect, it } from "vitest";
import { runScript } from "../support/run-console.ts";

describe("a lawful meeting and a decision without a meeting in the console bot", () => {
  it("calls the meeting in time, decides a tie by the chair, records a recusal and a dissent, and takes a decision without a meeting to dated minutes", async () => {
    const run = await runScript([
      "group create Viestintä",
      "/channel #viestinta",
      "group link-channel Viestintä",
      'group add Viestintä "Maija Virtanen"',
      'group add Viestintä "Liisa Laine" secretary',
      'group add Viestintä "Pekka Korhonen"',
      "group rules Viestintä notice 14",
      "meeting schedule Viestintä 3.12.2030 klo 14 Maakuntasali, Kuopio",
      "agenda add Viestintä Budjetti 2031",
      "agenda add Viestintä Kopiokoneen hankinta -- Tarjous Virtasen yritykseltä.",
      "# The published agenda is the notice: years ahead of the meeting, through the group's channel.",
      "agenda publish Viestintä",
      "meeting open Viestintä",
      "meeting here Viestintä",
      "/as Maija Virtanen",
      "meeting here Viestintä",
      "/as Liisa Laine",
      "meeting here Viestintä",
      "/as Pekka Korhonen",
      "meeting here Viestintä",
      "/as Admin",
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
    ]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("Äänet menivät tasan kohdassa 5 (jaa 2, ei 2). Kokouksessa ratkaisee puheenjohtajan kanta (yhdistyslaki 27 §).");
    expect(out).toContain("Äänet menivät tasan; puheenjohtajan kanta ratkaisi: ehdotus hyväksyttiin.");
    expect(out).toContain("Maija Virtanen kirjattiin esteelliseksi kohdassa 6");
    expect(out).toContain("Vastauksesi päätösehdotukseen 1: kyllä.");

    const minutes = out.slice(out.indexOf("--- viestintä-1.md ---"));
    for (const line of [
      "Kokous todettiin laillisesti koolle kutsutuksi (kutsu julkaistiin työryhmän kanavalla",
      "vähintään 14 pv ennen kokousta) ja päätösvaltaiseksi.",
      "**Tulos:** ehdotus hyväksyttiin (äänet tasan, puheenjohtajan kanta ratkaisi)",
      "**Esteellisyys:** Maija Virtanen ilmoitti olevansa esteellinen eikä osallistunut asian käsittelyyn.",
      "**Eriävä mielipide (Pekka Korhonen):** Hankinta olisi pitänyt kilpailuttaa.",
    ]) {
      expect(minutes).toContain(line);
    }

    const decision = out.slice(out.indexOf("--- viestintä-paatos-1.md ---"));
    for (const line of [
      "# Pöytäkirja: Viestintä, päätös ilman kokousta 1",
      "**Päivätty:**",
      "Hyväksytään kevään uutiskirjeen aikataulu.",
      "- Kaikki jäsenet vastasivat ennen vastausajan päättymistä",
      "- Maija Virtanen: kyllä",
      "- Pekka Korhonen: ei",
      "Kyllä 3, ei 1, tyhjiä 0, vastaamatta 0.",
      "**Päätös:** ehdotus hyväksyttiin",
      "Päätöksen moiteaika päättyy",
    ]) {
      expect(decision).toContain(line);
    }
  });
});
