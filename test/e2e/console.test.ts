import { readFileSync, statSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { runConsole } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";

const script = (lines: string[]) => `${lines.join("\n")}\n`;

describe("the console bot, driven through stdin", () => {
  const databases: ReturnType<typeof tempDatabase>[] = [];
  afterEach(() => databases.splice(0).forEach((db) => db.remove()));
  const database = () => {
    const db = tempDatabase();
    databases.push(db);
    return db;
  };

  it("takes a choice typed as shown (its label, its key in brackets), and says when a question is left unanswered", async () => {
    const db = database();
    const run = await runConsole(
      script([
        "/council group create Viestintä",
        "/council group create Talous",
        "/council group create Kulttuuri",
        "/council group archive Viestintä",
        "vahvista",
        "/council group archive Talous",
        "[1]",
        "/council group archive Kulttuuri",
        "/council group list",
      ]),
      { DATABASE_URL: db.url },
    );
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("Työryhmä Viestintä arkistoitu.");
    expect(out).toContain("Työryhmä Talous arkistoitu.");
    expect(out).not.toContain("Työryhmä Kulttuuri arkistoitu.");
    // The list came instead of an answer: the archive was not done, and the person is told.
    expect(out).toContain("Edelliseen kysymykseen ei vastattu, joten sitä ei tehty.\n== Työryhmät");
    expect(out).toMatch(/^- Kulttuuri$/m);
  });

  it("takes a command typed without its prefix while a text is asked for as the command, not as the text", async () => {
    const db = database();
    const run = await runConsole(script(["/council group create Viestintä", "/council news add Viestintä", "group list", "news list"]), { DATABASE_URL: db.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Peruttu: mitään ei tallennettu.\n== Työryhmät");
    expect(run.stdout).not.toMatch(/Uutinen .*group list/);
    expect(run.stdout).toContain("Ei julkaisemattomia uutisia");
  });

  it("runs a working group's set-up in Finnish: members, deputies, roles, refusals and history", async () => {
    const db = database();
    const run = await runConsole(
      script([
        "# Puheenjohtaja perustaa ryhmän",
        "/council group create Viestintä",
        "/as Maija Virtanen",
        "/council group join Viestintä",
        "/council group role Viestintä \"Maija Virtanen\" chair",
        "/as Admin",
        "# Liittyminen odottaa hyväksyntää: puheenjohtaja painaa Hyväksy-painiketta",
        "/council group requests Viestintä",
        "1",
        "/council group add Viestintä \"Pekka Korhonen\" deputy",
        "/council group deputy Viestintä \"Pekka Korhonen\" \"Maija Virtanen\"",
        "/council group role Viestintä \"Maija Virtanen\" secretary",
        "/council group create Viestintä",
        "/council group leave Viestintä",
        "/council group members Viestintä",
        "/council group history Viestintä",
      ]),
      { DATABASE_URL: db.url },
    );
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("Työryhmä Viestintä perustettu. Olet sen puheenjohtaja.");
    expect(out).toContain("Nyt toimii: Maija Virtanen");
    expect(out).toContain("Pyyntösi liittyä työryhmään Viestintä odottaa puheenjohtajiston");
    expect(out).toContain("Maija Virtanen pyytää päästä työryhmän Viestintä jäseneksi.");
    expect(out).toContain("[1] Hyväksy  [2] Hylkää");
    expect(out).toContain("Maija Virtanen on nyt työryhmän Viestintä jäsen.");
    expect(out).toContain("Sinut hyväksyttiin työryhmän Viestintä jäseneksi.");
    expect(out).toContain("Vain työryhmän Viestintä puheenjohtaja, varapuheenjohtaja, sihteeri tai työtilan ylläpitäjä voi tehdä tämän (role). Ryhmän puheenjohtajisto: Admin.");
    expect(out).toContain("Pekka Korhonen on nyt henkilön Maija Virtanen henkilökohtainen varajäsen työryhmässä Viestintä.");
    expect(out).toContain("Henkilön Maija Virtanen rooli työryhmässä Viestintä on nyt sihteeri.");
    expect(out).toContain("Työryhmä nimeltä Viestintä on jo olemassa.");
    expect(out).toContain("Admin on työryhmän Viestintä ainoa puheenjohtaja.");
    expect(out).toContain("- Pekka Korhonen (varajäsen, varalla: Maija Virtanen)");
    for (const line of [
      "Admin perusti työryhmän Viestintä",
      "Maija Virtanen pyysi päästä jäseneksi",
      "Admin hyväksyi henkilön Maija Virtanen jäseneksi",
      "Admin lisäsi henkilön Pekka Korhonen (varajäsen)",
      "Admin nimesi henkilön Pekka Korhonen henkilön Maija Virtanen henkilökohtaiseksi varajäseneksi",
      "Admin muutti henkilön Maija Virtanen roolin: jäsen → sihteeri",
    ]) {
      expect(out).toContain(line);
    }
    expect(run.stderr).toContain("council-bot konsolitilassa");
  });

  it("runs the same in English, with numbered confirmation and helpful refusals", async () => {
    const db = database();
    const run = await runConsole(
      script([
        "lang en",
        "group create Communications",
        "group add Communications Mary",
        "group archiv Communications",
        "group role Communications Mary boss",
        "group archive Communications",
        "1",
        "group add Communications Peter",
        "group list --all",
        "3",
      ]),
      { DATABASE_URL: db.url },
    );
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("All right, I will answer in English from now on.");
    expect(out).toContain("Working group Communications created. You are its chair.");
    expect(out).toContain("Mary added to working group Communications (member).");
    expect(out).toContain('I don\'t know the command "group archiv". Did you mean: /council group archive');
    expect(out).toContain('The role "boss" is not an option. Options: chair, vice-chair, secretary, member, deputy, observer.');
    expect(out).toContain('Example: /council group role Communications "Mary Smith" secretary');
    expect(out).toContain("Archive working group Communications? An archived group can no longer be changed.");
    expect(out).toContain("[1] Confirm  [2] Cancel");
    expect(out).toContain("Working group Communications archived.");
    expect(out).toContain("Working group Communications is archived and can no longer be changed.");
    expect(out).toContain("- Communications (archived)");
    expect(out).toContain("Nothing to choose.");
  });

  it("keeps the groups across restarts, and `npm start` (the built bundle) reads what the source run wrote", async () => {
    const db = database();
    await runConsole("group create Järjestöfoorumi\n", { DATABASE_URL: db.url });
    const second = await runConsole("group list\n", { DATABASE_URL: db.url });
    expect(second.stdout).toContain("- Järjestöfoorumi");
    const started = await runConsole("group create Viestintä\ngroup list\n", { DATABASE_URL: db.url }, "npm start");
    expect(started.code).toBe(0);
    expect(started.stdout).toContain("- Järjestöfoorumi");
    expect(started.stdout).toContain("- Viestintä");
  });

  it("refuses to start on invalid configuration, listing every bad variable, with exit code 2", async () => {
    const run = await runConsole("", { DATABASE_URL: "mysql://nowhere", DEFAULT_LOCALE: "de", TIMEZONE: "Mars/Olympus", PORT: "seventy" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Asetukset ovat virheelliset");
    for (const name of ["DATABASE_URL", "DEFAULT_LOCALE", "TIMEZONE", "PORT"]) expect(run.stderr).toContain(`  ${name}=`);
    expect(run.stderr).toContain("esim. Europe/Helsinki");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the database path when it cannot be opened", async () => {
    const db = database();
    // A file where the database's folder should be: cannot be created, even by root.
    writeFileSync(`${db.folder}/blocker`, "");
    const run = await runConsole("group list\n", { DATABASE_URL: `file:${db.folder}/blocker/x.db`, DEFAULT_LOCALE: "en" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`The database ${db.folder}/blocker/x.db cannot be opened or written`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("keeps its ballot key outside the database, and will not start with another while an election's voting is open", async () => {
    const db = database();
    const keyA = `${db.folder}/keys/a.key`;
    const opened = await runConsole(
      script([
        "group create Viestintä",
        'group add Viestintä "Maija Virtanen"',
        "election create Viestintä 1 yes-no Hyväksytäänkö budjetti",
        "election list Viestintä",
      ]),
      { DATABASE_URL: db.url, BALLOT_KEY_FILE: keyA },
    );
    expect(opened.code).toBe(0);
    const id = /\b(e[a-z0-9]{4,})\b/.exec(opened.stdout)![1]!;
    const voting = await runConsole(script([`election open ${id} --confirm`]), { DATABASE_URL: db.url, BALLOT_KEY_FILE: keyA });
    expect(voting.stdout).toContain("Hyväksytäänkö budjetti on auki");
    expect(readFileSync(keyA, "utf8").trim()).toMatch(/^[A-Za-z0-9+/=]{44}$/);
    expect(statSync(keyA).mode & 0o077).toBe(0);

    const wrong = await runConsole(script(["group list"]), { DATABASE_URL: db.url, BALLOT_KEY_FILE: `${db.folder}/keys/b.key` });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`ei ole se, jolla äänestys avattiin vaaleissa ${id}`);
    expect(wrong.stdout).toBe("");

    const right = await runConsole(script(["/as Maija Virtanen", `election vote ${id} kyllä --confirm`, "/as Admin", `election close ${id} --confirm`]), {
      DATABASE_URL: db.url,
      BALLOT_KEY_FILE: keyA,
    });
    expect(right.code).toBe(0);
    expect(right.stdout).toContain("Päätös hyväksyttiin: jaa 1, ei 0, tyhjiä 0.");
    // Once no election's voting is open, any key will do.
    const after = await runConsole(script(["group list"]), { DATABASE_URL: db.url, BALLOT_KEY_FILE: `${db.folder}/keys/b.key` });
    expect(after.code).toBe(0);
  }, 120_000);
});
