import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, type Backend, type TestApp } from "../support/test-app.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];

const nfd = (s: string) => s.normalize("NFD");
/** Cyrillic capital A (U+0410) in place of the Latin one: the same to the eye. */
const cyrillicAino = "\u0410ino Virtanen";

const idIn = (reply: string): string => {
  const id = /`(e[a-z0-9]+)`/.exec(reply)?.[1];
  if (!id) throw new Error(`no election id in: ${reply}`);
  return id;
};

describe.each(backends)("names of people and groups on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Admin"], backend });
  });
  afterEach(() => app.close());

  const groupCount = async () => (await app.store.uow.read.groups.list("console:local", { includeArchived: true })).length;

  it("refuses a group whose name is the NFD twin of an existing one, or looks like it", async () => {
    await app.say("Anna", "group create Viestintä");
    expect(await app.say("Ben", `group create ${nfd("Viestintä")}`)).toContain("Työryhmä nimeltä Viestintä on jo olemassa");
    await app.say("Anna", "group create Nuorisotyö");
    const confusable = await app.say("Ben", "group create Nu\u043Erisotyö");
    expect(confusable).toContain("näyttää samalta kuin työryhmän Nuorisotyö nimi");
    expect(confusable).toContain("Esimerkki: /council group create");
    expect(await app.say("Anna", `group rename Nuorisotyö ${nfd("VIESTINTÄ")}`)).toContain("Työryhmä nimeltä Viestintä on jo olemassa");
    expect(await app.say("Anna", "group rename Nuorisotyö Vi\u0435stintä")).toContain("näyttää samalta kuin työryhmän Viestintä nimi");
    expect(await groupCount()).toBe(2);
    // A group may still change the case of its own name.
    expect(await app.say("Anna", "group rename Nuorisotyö NUORISOTYÖ")).toContain("NUORISOTYÖ");
  });

  it("stores a group name in NFC, and finds it typed either way", async () => {
    await app.say("Anna", `group create ${nfd("Järjestöyhteistyö")}`);
    const stored = await app.store.uow.read.groups.list("console:local", { includeArchived: false });
    expect(stored.map((g) => g.name)).toEqual(["Järjestöyhteistyö"]);
    expect(await app.say("Anna", `group members ${nfd("Järjestöyhteistyö")}`)).toContain("Anna (puheenjohtaja)");
  });

  it("refuses zero-width-only and bidi-override names, naming the characters, and changes nothing", async () => {
    const zeroWidth = await app.say("Anna", "group create \u200B\u200B");
    expect(zeroWidth).toContain("näkymättömiä tai tekstin suuntaa kääntäviä merkkejä (U+200B)");
    expect(await app.say("Anna", "group create Viestintä\u202Eäti")).toContain("(U+202E)");
    expect(await groupCount()).toBe(0);
    await app.say("Anna", "group create Viestintä");
    expect(await app.say("Anna", "group rename Viestintä Tiedotus\u2066")).toContain("(U+2066)");
    expect(await app.say("Anna", "profile set name \u200B\u2060")).toContain("(U+200B, U+2060)");
    const override = await app.say("Anna", "profile set name Anna\u202Eneniatriv");
    expect(override).toContain("(U+202E)");
    expect(override).toContain("Esimerkki: /council profile set name Maija Virtanen");
    expect(await app.say("Anna", "profile")).toMatch(/^Anna\n/);
    expect(await app.say("Anna", "group list")).toContain("Viestintä");
  });

  it("refuses a chosen person name that is another person's, exactly or by look, naming the clash", async () => {
    await app.say("Aino Virtanen", "profile");
    await app.say("Ben", "profile");
    expect(await app.say("Ben", "profile set name aino  virtanen")).toContain("Nimi Aino Virtanen on jo toisen henkilön käytössä");
    const lookAlike = await app.say("Ben", `profile set name ${cyrillicAino}`);
    expect(lookAlike).toContain(`Nimi ${cyrillicAino} näyttää samalta kuin toisen henkilön nimi Aino Virtanen`);
    expect(await app.say("Ben", "profile set name Bengt Nyberg")).toMatch(/^Bengt Nyberg\n/);
    expect(await app.say("Ben", "profile")).toMatch(/^Bengt Nyberg\n/);
    // Choosing one's own name again, in another case, is no clash.
    expect(await app.say("Aino Virtanen", "profile set name AINO Virtanen")).toMatch(/^AINO Virtanen\n/);
  });

  it("cleans the names a platform supplies: hidden characters dropped, NFC", async () => {
    await app.say("Ma\u200Bija\u202E Väänänen", "group create Viestintä");
    await app.say("Admin", `group add Viestintä ${nfd("Väinö")}`);
    const members = await app.say("Admin", "group members Viestintä");
    expect(members).toContain("Maija Väänänen (puheenjohtaja)");
    expect(members).toContain("Väinö (jäsen)");
    expect(members).not.toMatch(/[\u200B\u202E]/);
    expect(members.normalize("NFC")).toBe(members);
  });

  it("shows the platform id where look-alike names are not told apart by organisation", async () => {
    await app.say("Admin", "group create Viestintä");
    await app.say("Admin", "group add Viestintä \"Aino Virtanen\"");
    await app.say("Admin", `group add Viestintä "${cyrillicAino}"`);
    await app.say("Admin", "group add Viestintä Pekka");
    const members = await app.say("Admin", "group members Viestintä");
    expect(members).toContain("Aino Virtanen (jäsen) · tunnus console:aino virtanen");
    expect(members).toContain(`${cyrillicAino} (jäsen) · tunnus console:\u0430ino virtanen`);
    expect(members).toContain("Pekka (jäsen)\n");
  });

  it("lists look-alike requesters with their platform id", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Aino Virtanen", "group join Viestintä");
    await app.say(cyrillicAino, "group join Viestintä");
    await app.say("Pekka", "group join Viestintä");
    const requests = await app.say("Anna", "group requests Viestintä");
    expect(requests).toContain("Aino Virtanen · tunnus console:aino virtanen\n");
    expect(requests).toContain(`${cyrillicAino} · tunnus console:\u0430ino virtanen\n`);
    expect(requests).toContain("Pekka\n");
  });

  it("lists look-alike candidates with no organisation to tell them apart with their platform id", async () => {
    await app.say("Admin", "group create Viestintä");
    for (const name of ["Aino Virtanen", cyrillicAino, "Pekka"]) await app.say("Admin", `group add Viestintä "${name}"`);
    const id = idIn(await app.say("Admin", "election create Viestintä 1 irv Puheenjohtaja"));
    await app.say("Admin", `election open-nominations ${id}`);
    for (const name of ["Aino Virtanen", cyrillicAino, "Pekka"]) await app.say(name, `election nominate ${id}`);
    const candidates = await app.say("Pekka", `election candidates ${id}`);
    expect(candidates).toContain("Aino Virtanen · ei toimialaa · ei taustaorganisaatiota · tunnus console:aino virtanen");
    expect(candidates).toContain(`${cyrillicAino} · ei toimialaa · ei taustaorganisaatiota · tunnus console:\u0430ino virtanen`);
    expect(candidates).not.toContain("tunnus console:pekka");
  });

  it("refuses a ballot name that fits two candidates, listing them by number; numbers still vote", async () => {
    await app.say("Admin", "group create Viestintä");
    for (const name of ["Aino Virtanen", cyrillicAino, "Pekka"]) await app.say("Admin", `group add Viestintä "${name}"`);
    await app.say("Aino Virtanen", "profile set organisation Kuopion Latu ry");
    await app.say(cyrillicAino, "profile set organisation Iisalmen Nuoret");
    const id = idIn(await app.say("Admin", "election create Viestintä 1 irv Puheenjohtaja"));
    await app.say("Admin", `election open-nominations ${id}`);
    for (const name of ["Aino Virtanen", cyrillicAino]) {
      await app.say(name, `election nominate ${id}`);
      await app.say(name, `election accept ${id} --confirm`);
    }
    await app.say("Admin", `election open ${id} --confirm`);
    const candidates = await app.say("Pekka", `election candidates ${id}`);
    const number = (organisation: string) => /(\d+)\./.exec(candidates.split("\n").find((l) => l.includes(organisation))!)![1];
    const latin = number("Kuopion Latu ry");
    const cyrillic = number("Iisalmen Nuoret");
    const refused = await app.say("Pekka", `election vote ${id} Aino Virtanen --confirm`);
    expect(refused).toContain("«Aino Virtanen» voi tarkoittaa useampaa ehdokasta:");
    expect(refused).toContain(`${latin}. Aino Virtanen (Kuopion Latu ry)`);
    expect(refused).toContain(`${cyrillic}. ${cyrillicAino} (Iisalmen Nuoret)`);
    expect(refused).toContain(`Äänestä numeroin, esimerkiksi: /council election vote ${id} `);
    expect(await app.say("Pekka", `election vote ${id} aino --confirm`)).toContain("voi tarkoittaa useampaa ehdokasta");
    // Nothing was cast: the voter still has their one ballot.
    expect(await app.say("Pekka", `election vote ${id} ${cyrillic} --confirm`)).toMatch(/`[A-Z0-9]{4}-[A-Z0-9]{4}`/);
    expect(await app.say("Pekka", `election vote ${id} ${latin} --confirm`)).toContain("Olet jo äänestänyt");
  });
});

/** Empties the skeleton columns of `table`, as a database migrated from a version without them holds its rows. */
function forgetSkeletons(app: TestApp, table: "WorkingGroup" | "Person"): void {
  const file = new Database(app.store.location);
  file.prepare(`UPDATE "${table}" SET "skeletonCased" = NULL, "skeletonLower" = NULL`).run();
  file.close();
}

/** The names in `table` whose skeletons are not filled in. */
function withoutSkeletons(app: TestApp, table: "WorkingGroup" | "Person"): unknown[] {
  const check = new Database(app.store.location, { readonly: true });
  const rows = check.prepare(`SELECT ${table === "Person" ? '"displayName"' : '"name"'} AS "name" FROM "${table}" WHERE "skeletonCased" IS NULL`).all();
  check.close();
  return rows;
}

describe("look-alikes stored before their skeletons were", () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Admin"], backend: "sqlite" });
  });
  afterEach(() => app.close());

  it("still refuses a look-alike of a group whose row has no skeletons yet, and fills them in", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group create Nuorisotyö");
    forgetSkeletons(app, "WorkingGroup");
    expect(await app.say("Ben", "group create Vi\u0435stintä")).toContain("näyttää samalta kuin työryhmän Viestintä nimi");
    expect(await app.say("Anna", "group rename Nuorisotyö VI\u0415STINTÄ")).toContain("näyttää samalta kuin työryhmän Viestintä nimi");
    expect(await app.say("Ben", "group create Tiedotus")).toContain("Työryhmä *Tiedotus* perustettu");
    expect(withoutSkeletons(app, "WorkingGroup")).toEqual([]);
  });

  it("still refuses a taken or look-alike name of a person whose row has no skeletons yet, and fills them in for the next", async () => {
    await app.say("Anna", "profile set name Aino Virtanen");
    await app.say("Ben", "overview");
    forgetSkeletons(app, "Person");
    expect(await app.say("Ben", "profile set name aino  virtanen")).toContain("Nimi Aino Virtanen on jo toisen henkilön käytössä");
    expect(await app.say("Ben", "profile set name \u0410ino Virtanen")).toContain("näyttää samalta kuin toisen henkilön nimi Aino Virtanen");
    expect(await app.say("Ben", "profile set name Bengt Nyberg")).toMatch(/^Bengt Nyberg\n/);
    // Filled in by the check that let Ben's new name through; his own waits for the next check.
    expect(withoutSkeletons(app, "Person")).toEqual([{ name: "Bengt Nyberg" }]);
  });
});
