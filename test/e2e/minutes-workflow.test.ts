import { describe, expect, it } from "vitest";
import { runScript } from "../support/run-console.ts";

describe("the minutes from the meeting to their checking, in the console bot", () => {
  it("closes to a draft, resets approvals on a correction, and ends with checked minutes naming officials, times and hash", async () => {
    const run = await runScript([
      "group create Viestintä",
      "/channel #viestinta",
      "group link-channel Viestintä",
      'group add Viestintä "Maija Virtanen"',
      'group add Viestintä "Pekka Korhonen"',
      'group add Viestintä "Liisa Laine" sihteeri',
      "meeting schedule Viestintä 3.12.2030 klo 14 Maakuntasali",
      "/as Maija Virtanen",
      "agenda add Viestintä Uutiskirje",
      "/as Admin",
      "meeting open Viestintä --confirm",
      "meeting here Viestintä",
      'meeting attend Viestintä "Maija Virtanen" present',
      'meeting attend Viestintä "Pekka Korhonen" remote',
      'meeting attend Viestintä "Liisa Laine" present',
      'meeting officials Viestintä pj Admin sihteeri "Liisa Laine" tarkastajat "Maija Virtanen" "Pekka Korhonen"',
      "agenda decide Viestintä 5 Uutiskirje ilmestyy maaliskuussa.",
      "meeting close Viestintä",
      "1",
      "/as Maija Virtanen",
      "minutes show Viestintä 1",
      "1",
      "/as Liisa Laine",
      "minutes fix Viestintä 1 5 Uutiskirje ilmestyy huhtikuussa.",
      "/as Pekka Korhonen",
      "minutes show Viestintä 1",
      "1",
      "/as Maija Virtanen",
      "minutes show Viestintä 1",
      "1",
      "/as Olli",
      "minutes show Viestintä 1",
    ]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("Kokouksen 1 toimihenkilöt kirjattu. Valittiin puheenjohtajaksi Admin, sihteeriksi Liisa Laine, pöytäkirjantarkastajiksi Maija Virtanen ja Pekka Korhonen.");
    expect(out).toContain("**Pöytäkirja:** luonnos, 0/2 tarkastajaa hyväksynyt");
    expect(out).toContain("Hyväksyit kokouksen 1 pöytäkirjan: 1/2 hyväksytty.");
    expect(out).toContain("Kokouksen 1 pöytäkirja korjattu. Annetut tarkastukset raukesivat: 0/2 hyväksytty.");
    expect(out).toContain("[kanavalle #viestinta] Työryhmän Viestintä kokouksen 1 pöytäkirjaa on korjattu; aiemmat tarkastukset raukesivat: 0/2 hyväksytty.");
    expect(out).toContain("Hyväksyit kokouksen 1 pöytäkirjan: 2/2 hyväksytty.");
    expect(out).toContain("Työryhmän Viestintä kokouksen 1 pöytäkirja on tarkastettu (2/2).");

    // What a member reads at the end: the corrected text, its officials, who checked it and when, and its hash.
    const final = out.slice(out.lastIndexOf("# Pöytäkirja: Viestintä, kokous 1"));
    expect(final).toContain("# Pöytäkirja: Viestintä, kokous 1 (1/2030)");
    expect(final).toContain("**Päätös:** Uutiskirje ilmestyy huhtikuussa.");
    expect(final).toContain("Puheenjohtaja Admin: ______________________   Sihteeri Liisa Laine: ______________________");
    expect(final).toContain("Maija Virtanen: ______________________   Pekka Korhonen: ______________________");
    expect(final).toContain("**Pöytäkirja:** tarkastettu");
    expect(final).toMatch(/- Tarkastanut Pekka Korhonen \S+ \d+\.\d+\.\d{4} klo \d+\.\d\d/);
    expect(final).toMatch(/- Tarkastanut Maija Virtanen \S+ \d+\.\d+\.\d{4} klo \d+\.\d\d/);
    expect(final).toMatch(/Tarkastetun tekstin SHA-256: [0-9a-f]{64}/);
    expect(final).not.toContain("maaliskuussa");
  });
});
