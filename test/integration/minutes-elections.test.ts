import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { idIn } from "../support/election-replies.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

// Elections are not tied to meetings; the minutes report them anyway: the meeting in session when an
// election closed, or else the group's next meeting, carries its title, method, outcome and the
// election record's SHA-256. Through the services on a real SQLite file.

const minute = 60_000;
const PUBLIC_URL = "https://neuvosto.example.fi";

describe("elections in the minutes", () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ start: new Date("2026-12-01T08:00:00Z"), publicUrl: () => PUBLIC_URL });
    await app.say("Anna", "group create Viestintä");
    for (const name of ["Maija", "Pekka", "Liisa"]) await app.say("Anna", `group add Viestintä ${name}`);
  });
  afterEach(() => app.close());

  const minutesOf = async (n: number) => (await app.services.minutes.show(await app.invocation("Anna"), "Viestintä", n)).text;
  const recordHash = async (id: string) => (await app.services.elections.show(await app.invocation("Anna"), id)).election.recordHash!;

  /** A yes/no decision by the members, closed at the clock's time. */
  const decided = async (title: string, answers: readonly [string, string][]) => {
    const id = idIn(await app.say("Anna", `election create Viestintä 1 yes-no ${title}`));
    await app.say("Anna", `election open ${id} --confirm`);
    for (const [voter, answer] of answers) await app.say(voter, `election vote ${id} ${answer} --confirm`);
    await app.say("Anna", `election close ${id} --confirm`);
    return id;
  };

  /** A one-seat plurality election between Maija and Pekka. */
  const elected = async (title: string) => {
    const id = idIn(await app.say("Anna", `election create Viestintä 1 plurality ${title}`));
    await app.say("Anna", `election open-nominations ${id}`);
    for (const name of ["Maija", "Pekka"]) {
      await app.say(name, `election nominate ${id}`);
      await app.say(name, `election accept ${id} --confirm`);
    }
    await app.say("Anna", `election open ${id} --confirm`);
    for (const [voter, choice] of [["Anna", "1"], ["Liisa", "1"], ["Pekka", "2"]] as const) await app.say(voter, `election vote ${id} ${choice} --confirm`);
    await app.say("Anna", `election close ${id} --confirm`);
    return id;
  };

  const holdMeeting = async (date: string, during: () => Promise<void> = async () => {}) => {
    await app.say("Anna", `meeting schedule Viestintä ${date} klo 14 Maakuntasali`);
    const [d, m, y] = date.split(".").map(Number);
    app.clock.set(new Date(Date.UTC(y!, m! - 1, d!, 12, 0)));
    await app.say("Anna", "meeting open Viestintä --confirm");
    for (const name of ["Anna", "Maija", "Pekka", "Liisa"]) await app.say(name, "meeting here Viestintä");
    await app.say("Anna", "meeting officials Viestintä pj Anna sihteeri Liisa tarkastajat Maija Pekka");
    app.clock.advance(10 * minute);
    await during();
    app.clock.advance(10 * minute);
    await app.say("Anna", "meeting close Viestintä --confirm");
  };

  it("reports an election closed between meetings in the next minutes, and one closed during a meeting in that meeting's, each once with its record's hash", async () => {
    const before = await decided("Talousarvio 2027", [["Maija", "kyllä"], ["Pekka", "kyllä"], ["Liisa", "ei"]]);
    let during = "";
    await holdMeeting("10.12.2026", async () => {
      during = await elected("Edustaja maakuntaan");
    });

    const first = await minutesOf(1);
    const section = first.slice(first.indexOf("## Vaalit"));
    expect(section).toMatch(/^## Vaalit\n\n\*\*Kokouksen aikana päättyneet vaalit\*\*\n\n- \*\*Edustaja maakuntaan\*\*, enemmistövaali \(1 valittava, enintään 1 merkintä lipussa\)\. Valitut: Maija\. /);
    expect(section).toContain(`Vaalipöytäkirjan SHA-256: \`${await recordHash(during)}\`.`);
    expect(section).toContain(`Vaalipöytäkirjan saa komennolla \`election export ${during} record\` ja vaalin vahvistamisen jälkeen osoitteesta ${PUBLIC_URL}/results/`);
    expect(section).toContain(`/${during}\n`);
    expect(section).toContain("**Edellisen kokouksen jälkeen päättyneet vaalit**\n\n- **Talousarvio 2027**, päätös: jaa, ei tai tyhjä. Päätös hyväksyttiin: jaa 2, ei 1, tyhjiä 0.");
    expect(section).toContain(`Vaalipöytäkirjan SHA-256: \`${await recordHash(before)}\`.`);
    // The section comes before the action items and the signatures, as part of the record of the meeting.
    expect(first.indexOf("## Vaalit")).toBeLessThan(first.indexOf("## Tehtävät"));

    // The record's hash is in the text the checkers approve: once approved, nothing later changes it.
    for (const checker of ["Maija", "Pekka"]) await app.say(checker, "minutes approve Viestintä 1");
    expect(await app.say("Anna", "minutes show Viestintä 1")).toContain("tarkastettu");
    const approved = createHash("sha256").update(first, "utf8").digest("hex");
    app.clock.advance(60 * minute);
    const after = await decided("Jäsenmaksu", [["Maija", "ei"], ["Pekka", "ei"]]);
    await app.say("Anna", `election certify ${during} --confirm`);
    expect(createHash("sha256").update(await minutesOf(1), "utf8").digest("hex")).toBe(approved);
    expect(await minutesOf(1)).not.toContain("Jäsenmaksu");

    // The next meeting reports only what closed since meeting 1 closed.
    await holdMeeting("17.12.2026");
    const second = await minutesOf(2);
    expect(second).toContain("**Edellisen kokouksen jälkeen päättyneet vaalit**\n\n- **Jäsenmaksu**");
    expect(second).toContain(`Vaalipöytäkirjan SHA-256: \`${await recordHash(after)}\`.`);
    expect(second).not.toContain("Kokouksen aikana päättyneet vaalit");
    expect(second).not.toContain("Talousarvio 2027");
    expect(second).not.toContain("Edustaja maakuntaan");
  });

  it("writes no elections section when none closed, and the command alone where there are no web pages", async () => {
    await holdMeeting("10.12.2026");
    expect(await minutesOf(1)).not.toContain("## Vaalit");

    const quiet = await createTestApp({ start: new Date("2026-12-01T08:00:00Z") });
    try {
      await quiet.say("Anna", "group create Viestintä");
      await quiet.say("Anna", "group add Viestintä Maija");
      const id = idIn(await quiet.say("Anna", "election create Viestintä 1 yes-no Kokoustila"));
      await quiet.say("Anna", `election open ${id} --confirm`);
      await quiet.say("Maija", `election vote ${id} kyllä --confirm`);
      await quiet.say("Anna", `election close ${id} --confirm`);
      await quiet.say("Anna", "meeting schedule Viestintä 10.12.2026 klo 14 Maakuntasali");
      quiet.clock.set(new Date("2026-12-10T12:00:00Z"));
      await quiet.say("Anna", "meeting open Viestintä --confirm");
      await quiet.say("Anna", "meeting close Viestintä --confirm");
      const text = (await quiet.services.minutes.show(await quiet.invocation("Anna"), "Viestintä", 1)).text;
      expect(text).toContain(`Vaalipöytäkirjan saa komennolla \`election export ${id} record\`.`);
      expect(text).not.toContain("/results/");
    } finally {
      await quiet.close();
    }
  });
});
