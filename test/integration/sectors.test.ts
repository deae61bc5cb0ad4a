import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, type Backend, type TestApp } from "../support/test-app.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];

const idIn = (reply: string): string => {
  const id = /`(e[a-z0-9]+)`/.exec(reply)?.[1];
  if (!id) throw new Error(`no election id in: ${reply}`);
  return id;
};

describe.each(backends)("the council's list of sectors on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Admin"], backend });
    await app.say("Admin", "group create Viestintä");
    for (const name of ["Anna", "Bertta", "Cecilia", "Daniel"]) await app.say("Admin", `group add Viestintä ${name}`);
  });
  afterEach(() => app.close());

  /** A profile as it was stored before the list existed: any spelling went. */
  const legacySector = async (name: string, sector: string) => {
    const person = (await app.invocation(name)).actor.person;
    await app.store.uow.read.people.update(person.id, { sector });
  };

  /** An election with the named people nominated and accepted. */
  async function electionWith(method: string, seats: number, candidates: string[], quota?: string): Promise<string> {
    const id = idIn(await app.say("Admin", `election create Viestintä ${seats} ${method} Edustajat`));
    if (quota) expect(await app.say("Admin", `election quota ${id} ${quota}`)).toContain("enintään");
    await app.say("Admin", `election open-nominations ${id}`);
    for (const name of candidates) {
      expect(await app.say(name, `election nominate ${id}`)).toContain("Asetit itsesi ehdolle");
      expect(await app.say(name, `election accept ${id} --confirm`)).toContain("Olet ehdokkaana");
    }
    return id;
  }

  it("only a workspace admin adds and renames sectors; names are unique whatever their case", async () => {
    expect(await app.say("Anna", "sector list")).toContain("Työtilan ylläpitäjä lisää ne: /council sector add");
    expect(await app.say("Anna", "sector add Kulttuuri")).toContain("Vain työtilan ylläpitäjä (neuvoston toimisto) voi käyttää komentoa sector add");
    expect(await app.say("Admin", "sector add Kulttuuri")).toContain("Toimiala Kulttuuri lisätty luetteloon");
    expect(await app.say("Admin", "sector add  sote ")).toContain("Toimiala sote lisätty");
    expect(await app.say("Admin", "sector add KULTTUURI")).toContain("Toimiala Kulttuuri on jo luettelossa");
    // Hidden characters make a twin that looks the same: refused like in person and group names.
    expect(await app.say("Admin", "sector add Kult\u200Btuuri")).toContain("1–60 näkyvää merkkiä");
    expect(await app.say("Admin", "sector add Sote, liikunta")).toContain("ei kelpaa");
    expect(await app.say("Anna", "sector rename sote Sote")).toContain("Vain työtilan ylläpitäjä");
    expect(await app.say("Admin", "sector rename nuoriso Nuoret")).toContain("Toimialaa nuoriso ei ole luettelossa. Toimialat: Kulttuuri, sote");
    expect(await app.say("Admin", "sector rename sote kulttuuri")).toContain("Toimiala Kulttuuri on jo luettelossa");
    expect(await app.say("Admin", "sector rename SOTE Sote")).toContain("Toimiala sote on nyt Sote");
    const list = await app.say("Bertta", "sector list");
    expect(list).toContain("Kulttuuri\nSote");
    expect(await app.say("Admin", "help sector")).toContain("sector rename");
    if (backend === "sqlite") {
      const db = new Database(app.store.location, { readonly: true });
      const actions = db.prepare(`SELECT "action" FROM "AuditEvent" WHERE "subjectType" = 'sector' ORDER BY "at"`).all();
      db.close();
      expect(actions.map((row) => (row as { action: string }).action)).toEqual(["sector.added", "sector.added", "sector.renamed"]);
    }
  });

  it("profile set sector chooses from the list, in the list's spelling; unknown sectors are refused with the list", async () => {
    expect(await app.say("Anna", "profile set sector sote")).toContain("toimialaluettelo on vielä tyhjä. Työtilan ylläpitäjä lisää toimialat, esim. /council sector add");
    await app.say("Admin", "sector add Sote");
    await app.say("Admin", "sector add Kulttuuri");
    expect(await app.say("Anna", "profile set sector SOTE")).toContain("Toimiala: Sote");
    const refused = await app.say("Bertta", "profile set sector Urheilu");
    expect(refused).toContain("Toimialaa Urheilu ei ole neuvoston luettelossa. Valitse jokin näistä: Kulttuuri, Sote");
    expect(refused).toContain("/council profile set sector Kulttuuri");
    expect(await app.say("Bertta", "profile")).toContain("Toimiala: —");
    expect(await app.say("Anna", "profile set sector -")).toContain("Toimiala: —");
  });

  it("election quota takes a sector from the list, in its spelling, and refuses others with the list and an example", async () => {
    await app.say("Admin", "sector add Sote");
    await app.say("Admin", "sector add Nuoriso ja liikunta");
    const id = idIn(await app.say("Admin", "election create Viestintä 2 stv Edustajat"));
    const refused = await app.say("Admin", `election quota ${id} Sosiaali 1`);
    expect(refused).toContain("Toimialaa Sosiaali ei ole neuvoston luettelossa. Toimialat: Nuoriso ja liikunta, Sote");
    expect(refused).toContain(`/council election quota ${id} "Nuoriso ja liikunta" 1`);
    expect(await app.say("Admin", `election quota ${id} SOTE 1`)).toContain("toimialalle Sote enintään 1 paikka");
    expect(await app.say("Admin", `election quota ${id} sote 0`)).toContain("toimialalle Sote enintään 0 paikkaa");
    const shown = await app.say("Admin", `election show ${id}`);
    expect(shown).toContain("Sote");
    expect(shown).not.toContain("SOTE");
    expect(shown).not.toMatch(/Sote[^\n]*1/);
  });

  it("renaming a sector renames it in profiles, candidates and quotas, older spellings included", async () => {
    await app.say("Admin", "sector add Sote");
    await app.say("Admin", "sector add Kulttuuri");
    await app.say("Anna", "profile set sector Sote");
    await legacySector("Bertta", "SOTE");
    await app.say("Cecilia", "profile set sector Kulttuuri");
    const id = await electionWith("stv", 2, ["Anna", "Bertta", "Cecilia"], "Sote 1");
    const renamed = await app.say("Admin", "sector rename Sote Sosiaali- ja terveysala");
    expect(renamed).toContain("Toimiala Sote on nyt Sosiaali- ja terveysala. Päivitetty 2 profiilia, 2 ehdokasta ja 1 vaalin kiintiöt");
    expect(await app.say("Bertta", "profile")).toContain("Toimiala: Sosiaali- ja terveysala");
    const candidates = await app.say("Admin", `election candidates ${id}`);
    expect(candidates).toContain("Anna · Sosiaali- ja terveysala");
    expect(candidates).toContain("Bertta · Sosiaali- ja terveysala");
    expect(candidates).toContain("Cecilia · Kulttuuri");
    expect(await app.say("Admin", `election show ${id}`)).toContain("Sosiaali- ja terveysala");
    expect(await app.say("Admin", `election show ${id}`)).not.toContain("Sote");
  });

  it("voting does not open with quotas while a candidate's sector is missing or off the list; without quotas it warns", async () => {
    await app.say("Admin", "sector add Sote");
    await app.say("Anna", "profile set sector Sote");
    await legacySector("Bertta", "Urheilu");
    const id = await electionWith("stv", 2, ["Anna", "Bertta", "Cecilia"], "Sote 1");
    const refused = await app.say("Admin", `election open ${id} --confirm`);
    expect(refused).toContain(`Vaalissa ${id} on toimialakiintiöitä, mutta näiden ehdokkaiden toimiala puuttuu tai ei ole neuvoston luettelossa: Bertta (Urheilu), Cecilia (—)`);
    expect(refused).toContain("/council profile set sector <toimiala>");
    expect(await app.say("Admin", `election show ${id}`)).toContain("ehdokasasettelu");

    await app.say("Admin", "sector add Urheilu");
    await app.say("Admin", "sector add Kulttuuri");
    await app.say("Cecilia", "profile set sector kulttuuri");
    expect(await app.say("Admin", `election open ${id} --confirm`)).toContain("Äänestys vaalissa Edustajat on auki");

    const plain = await electionWith("plurality", 1, ["Daniel", "Anna"]);
    const opened = await app.say("Admin", `election open ${plain} --confirm`);
    expect(opened).toContain("Äänestys vaalissa Edustajat on auki");
    expect(opened).toContain("Huom: näiden ehdokkaiden toimiala puuttuu tai ei ole neuvoston luettelossa: Daniel (—)");
  });

  it("a quota binds profiles stored as Sote and SOTE alike: only one of them is elected", async () => {
    await app.say("Admin", "sector add Sote");
    await app.say("Admin", "sector add Kulttuuri");
    await legacySector("Anna", "Sote");
    await legacySector("Bertta", "SOTE");
    await app.say("Cecilia", "profile set sector Kulttuuri");
    await app.say("Admin", "sector add Nuoriso");
    const id = await electionWith("plurality", 2, ["Anna", "Bertta", "Cecilia"], "sote 1");
    // A quota no candidate meets limits nothing; the exported tally command leaves it out.
    await app.say("Admin", `election quota ${id} nuoriso 0`);
    expect(await app.say("Admin", `election open ${id} --confirm`)).toContain("on auki");
    for (const [voter, choices] of [["Admin", "1 2"], ["Anna", "1 2"], ["Bertta", "1 2"], ["Cecilia", "1 3"], ["Daniel", "1 2"]] as const) {
      expect(await app.say(voter, `election vote ${id} ${choices} --confirm`)).toContain("on tallennettu");
    }
    await app.say("Admin", `election close ${id} --confirm`);
    const view = await app.services.elections.show(await app.invocation("Admin"), id);
    expect(view.election.result?.kind === "candidates" && view.election.result.count.elected).toEqual(["1", "3"]);
    const exported = await app.say("Admin", `election export ${id}`);
    expect(exported).toContain(`--sectors ${id}-sectors.csv --quota 'Sote=1' ${id}.blt`);
  });
});
