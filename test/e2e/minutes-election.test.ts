import { afterEach, describe, expect, it } from "vitest";
import { runConsole } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";

// The console bot: a decision closed while the meeting is in session is in that meeting's minutes,
// with the SHA-256 the close announced for its election record.

const script = (lines: string[]) => `${lines.join("\n")}\n`;

describe("an election closed during a meeting, in the console bot", () => {
  const databases: ReturnType<typeof tempDatabase>[] = [];
  afterEach(() => databases.splice(0).forEach((db) => db.remove()));

  it("writes the election and its record's hash into the meeting's minutes", async () => {
    const db = tempDatabase();
    databases.push(db);
    const env = { DATABASE_URL: db.url };
    const setup = await runConsole(
      script([
        "group create Viestintä",
        "group link-channel Viestintä #viestinta",
        "group add Viestintä Maija",
        "group add Viestintä Pekka",
        "meeting schedule Viestintä 3.12.2030 klo 14 Maakuntasali",
        "meeting open Viestintä --confirm",
        "election create Viestintä 1 yes-no Talousarvio 2031",
      ]),
      env,
    );
    expect(setup.code).toBe(0);
    const id = /\(tunnus (e[a-z0-9]+)\)/.exec(setup.stdout)?.[1];
    expect(id, setup.stdout).toBeDefined();

    const run = await runConsole(
      script([
        `election open ${id} --confirm`,
        "/as Maija",
        `election vote ${id} kyllä --confirm`,
        "/as Pekka",
        `election vote ${id} ei --confirm`,
        "/as Admin",
        `election vote ${id} kyllä --confirm`,
        `election close ${id} --confirm`,
        `election results ${id}`,
        "meeting close Viestintä --confirm",
        "minutes show Viestintä 1",
      ]),
      env,
    );
    expect(run.code).toBe(0);
    const hash = /([0-9a-f]{64})/.exec(run.stdout.slice(run.stdout.indexOf("Vaalin tulos")))?.[1];
    expect(hash, run.stdout).toBeDefined();
    const minutes = run.stdout.slice(run.stdout.lastIndexOf("# Pöytäkirja: Viestintä, kokous 1"));
    expect(minutes).toContain("## Vaalit\n\n**Kokouksen aikana päättyneet vaalit**\n\n- **Talousarvio 2031**, päätös: jaa, ei tai tyhjä. Päätös hyväksyttiin: jaa 2, ei 1, tyhjiä 0.");
    expect(minutes).toContain(`Vaalipöytäkirjan SHA-256: \`${hash}\`. Vaalipöytäkirjan saa komennolla \`election export ${id} record\`.`);
  });
});
