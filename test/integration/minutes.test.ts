import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandCall, Reply } from "../../src/render/reply.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, replyText, type Backend, type TestApp } from "../support/test-app.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];
const minute = 60_000;

const buttonCall = (reply: Reply, label: string): CommandCall => {
  for (const block of reply.blocks) {
    if (block.type !== "buttons") continue;
    const button = block.buttons.find((b) => b.label === label);
    if (button) return button.call;
  }
  throw new Error(`no button "${label}" in: ${replyText(reply)}`);
};

describe.each(backends)("meeting officials and the checking of the minutes on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ backend, start: new Date("2026-12-03T11:30:00Z") });
    await app.say("Anna", "group create Viestintä");
    await app.dispatcher.runLine(app.request("Anna", "#viestinta"), "group link-channel Viestintä");
    for (const name of ["Maija", "Liisa", "Pekka"]) await app.say("Anna", `group add Viestintä ${name}`);
    await app.say("Anna", "group role Viestintä Liisa sihteeri");
    await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14 Maakuntasali");
    app.clock.set(new Date("2026-12-03T12:00:00Z"));
    await app.say("Anna", "meeting open Viestintä --confirm");
    for (const name of ["Anna", "Maija", "Liisa", "Pekka"]) await app.say(name, "meeting here Viestintä");
  });
  afterEach(() => app.close());

  const channel = () => app.chat.textsIn("#viestinta").join("\n");
  const press = (name: string, call: CommandCall) => app.dispatcher.run(app.request(name), call).then(replyText);
  const dmTo = (name: string) => app.chat.directs.filter((d) => d.externalId === `console:${name.toLowerCase()}`).at(-1)!.reply;

  it("records the officials at the meeting and names them in the minutes", async () => {
    expect(await app.say("Maija", "meeting officials Viestintä pj Anna")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Anna", "meeting officials Viestintä pj Anna sihteeri Liisa tarkastajat Maija Pekka ääntenlaskijat Olli")).toContain(
      "Valittiin puheenjohtajaksi Anna, sihteeriksi Liisa, pöytäkirjantarkastajiksi Maija ja Pekka, ääntenlaskijaksi Olli.",
    );
    expect(await app.say("Anna", "meeting officials Viestintä tarkastajat Maija Pekka Liisa")).toContain("tarkastajat (checkers, enintään 2)");
    expect(await app.say("Anna", "meeting show Viestintä")).toContain("Toimihenkilöt: puheenjohtajaksi Anna");
    await app.say("Anna", "meeting close Viestintä --confirm");
    const minutes = await app.say("Maija", "minutes show Viestintä 1");
    expect(minutes).toContain("### 3. Pöytäkirjantarkastajien valinta\n\n**Päätös:** Valittiin puheenjohtajaksi Anna, sihteeriksi Liisa");
    expect(minutes).toContain("Puheenjohtaja Anna: ______________________   Sihteeri Liisa: ______________________");
    expect(minutes).toContain("Maija: ______________________   Pekka: ______________________");
    expect(minutes).toContain("**Pöytäkirja:** luonnos, 0/2 tarkastajaa hyväksynyt");
    expect(await app.say("Anna", "group history Viestintä 5")).toContain("Anna kirjasi kokouksen 1 toimihenkilöt");
  });

  it("takes the checkers' approvals of the exact text; a correction in between resets them to 0/2", async () => {
    await app.say("Anna", "meeting officials Viestintä chair Anna secretary Liisa checkers Maija Pekka");
    await app.say("Anna", "meeting close Viestintä --confirm");
    expect(await app.say("Anna", "meeting show Viestintä 1")).toContain("Pöytäkirja: luonnos, 0/2 tarkastajaa hyväksynyt");
    // Each checker was sent the draft with the button that approves it.
    expect(await app.say("Maija", "overview")).toContain("Viestintä, kokous 1: luonnos, 0/2 tarkastajaa hyväksynyt — tarkasta: /council minutes show Viestintä 1");
    expect(await app.say("Liisa", "overview")).not.toContain("tarkasta:");
    app.clock.advance(minute);
    expect(await app.say("Anna", "digest preview")).toContain("Viestintä: kokous 1: pöytäkirja luonnos, 0/2 tarkastajaa hyväksynyt");
    const maijasButton = buttonCall(dmTo("Maija"), "Hyväksy pöytäkirja");
    const pekkasButton = buttonCall(dmTo("Pekka"), "Hyväksy pöytäkirja");
    expect(replyText(dmTo("Maija"))).toContain("Sinut valittiin tarkastamaan työryhmän Viestintä kokouksen 1 pöytäkirja");

    expect(await press("Liisa", maijasButton)).toContain("Vain kokouksen 1 pöytäkirjantarkastajat (Maija, Pekka)");
    app.clock.advance(9 * minute);
    expect(await press("Maija", maijasButton)).toContain("Hyväksyit kokouksen 1 pöytäkirjan: 1/2 hyväksytty.");
    expect(channel()).toContain("Maija hyväksyi työryhmän Viestintä kokouksen 1 pöytäkirjan: 1/2 hyväksytty.");

    const corrected = `${(await app.say("Liisa", "meeting minutes Viestintä 1")).split("\n---\n")[0]}\n\nKorjattu: Maija saapui klo 14.05.`;
    expect(await app.dispatcher.run(app.request("Liisa"), { command: "minutes edit", args: { group: "Viestintä", meeting: 1, minutes: corrected } }).then(replyText)).toContain(
      "Annetut tarkastukset raukesivat: 0/2 hyväksytty.",
    );
    expect(channel()).toContain("aiemmat tarkastukset raukesivat: 0/2 hyväksytty");
    expect(await app.say("Maija", "minutes edit Viestintä 1 Minun versioni")).toContain("Pöytäkirjaa korjaa kokouksen sihteeri");
    // Pekka's button names the text before the correction: his press is refused, not counted.
    expect(await press("Pekka", pekkasButton)).toContain("Pöytäkirjaa on korjattu sen jälkeen, kun luit sen");

    const shown = await app.dispatcher.run(app.request("Pekka"), { line: "minutes show Viestintä 1" });
    expect(replyText(shown)).toContain("**Pöytäkirja:** luonnos, 0/2 tarkastajaa hyväksynyt");
    app.clock.advance(10 * minute);
    expect(await press("Pekka", buttonCall(shown, "Hyväksy pöytäkirja"))).toContain("1/2 hyväksytty");
    app.clock.advance(10 * minute);
    expect(await app.say("Maija", "minutes approve Viestintä 1")).toContain("2/2 hyväksytty");

    const hash = createHash("sha256").update(corrected, "utf8").digest("hex");
    const final = await app.say("Olli", "minutes show Viestintä 1");
    expect(final).toContain("Korjattu: Maija saapui klo 14.05.");
    expect(final).toContain("**Pöytäkirja:** tarkastettu");
    expect(final).toContain("- Tarkastanut Pekka to 3.12.2026 klo 14.20");
    expect(final).toContain("- Tarkastanut Maija to 3.12.2026 klo 14.30");
    expect(final).toContain(`Tarkastetun tekstin SHA-256: ${hash}`);
    expect(channel()).toContain("Työryhmän Viestintä kokouksen 1 pöytäkirja on tarkastettu (2/2)");
    expect(await app.say("Anna", "meeting list Viestintä")).toContain("Pöytäkirja: tarkastettu");
    expect(await app.say("Maija", "overview")).not.toContain("Pöytäkirjat luonnoksena");
    expect(await app.say("Anna", "digest preview")).toContain("Viestintä: kokous 1: pöytäkirja tarkastettu");
    expect(await app.say("Liisa", "minutes edit Viestintä 1 Myöhäinen korjaus")).toContain("pöytäkirja on jo tarkastettu");
    const history = await app.say("Anna", "group history Viestintä 10");
    expect(history).toContain("Liisa korjasi kokouksen 1 pöytäkirjaa (1 tarkastusta raukesi)");
    expect(history).toContain("kokouksen 1 pöytäkirja tarkastettiin");
  });

  it("lets the next meeting approve the minutes instead", async () => {
    await app.say("Anna", "meeting close Viestintä --confirm");
    expect(await app.say("Maija", "minutes approve Viestintä 1")).toContain("Kokoukselle 1 ei ole kirjattu pöytäkirjantarkastajia");
    expect(await app.say("Anna", "minutes adopt Viestintä 1")).toContain("avaa se ensin");
    await app.say("Anna", "meeting schedule Viestintä 14.1.2027 klo 17");
    app.clock.set(new Date("2027-01-14T15:00:00Z"));
    await app.say("Anna", "meeting open Viestintä --confirm");
    expect(await app.say("Maija", "minutes adopt Viestintä 1")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Anna", "minutes adopt Viestintä 1")).toContain("Kokouksen 1 pöytäkirja kirjattu hyväksytyksi kokouksessa 2 (1/2027).");
    expect(await app.say("Anna", "agenda list Viestintä")).toContain("5. Kokouksen 1/2026 pöytäkirjan hyväksyminen (päätetty)");
    const minutes = await app.say("Maija", "minutes show Viestintä 1");
    expect(minutes).toContain("**Pöytäkirja:** hyväksytty");
    expect(minutes).toContain("- Hyväksytty kokouksessa 2 (1/2027) to 14.1.2027 klo 17.00");
    expect(channel()).toContain("Työryhmän Viestintä kokouksen 1 pöytäkirja hyväksyttiin kokouksessa 2 (1/2027).");
    expect(await app.say("Anna", "meeting show Viestintä 1")).toContain("Pöytäkirja: hyväksytty");
  });
  it("puts a checker's own draft first in the overview, however many later drafts the group has", async () => {
    await app.say("Anna", "meeting officials Viestintä checkers Maija Pekka");
    await app.say("Anna", "meeting close Viestintä --confirm");
    // 21 later meetings, one a day, each closed with draft minutes nobody has to check.
    for (let day = 1; day <= 21; day++) {
      app.clock.set(new Date(Date.UTC(2027, 0, day, 10)));
      await app.say("Anna", `meeting schedule Viestintä ${day}.1.2027 klo 14`);
      app.clock.set(new Date(Date.UTC(2027, 0, day, 12)));
      await app.say("Anna", "meeting open Viestintä --confirm");
      await app.say("Anna", "meeting close Viestintä --confirm");
    }
    const entries = (shown: string) => [...shown.matchAll(/^Viestintä, kokous (\d+): luonnos/gm)].map((m) => Number(m[1]));
    const maija = await app.say("Maija", "overview");
    expect(entries(maija)).toEqual([1, ...Array.from({ length: 19 }, (_, i) => 22 - i)]);
    expect(maija).toContain("Viestintä, kokous 1: luonnos, 0/2 tarkastajaa hyväksynyt — tarkasta: /council minutes show Viestintä 1");
    expect(maija).toContain("Kaikki eivät mahtuneet tähän");
    // Once she has approved, hers falls back among the rest: the latest twenty.
    expect(await app.say("Maija", "minutes approve Viestintä 1")).toContain("1/2 hyväksytty");
    expect(entries(await app.say("Maija", "overview"))).toEqual(Array.from({ length: 20 }, (_, i) => 22 - i));
  });
});
