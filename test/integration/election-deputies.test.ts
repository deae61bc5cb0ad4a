import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, replyText, type Backend, type TestApp } from "../support/test-app.ts";
import { ballotCount as castCount, idIn } from "../support/election-replies.ts";

// One vote per member seat: a personal deputy votes in their member's place only as the group's
// deputies-vote rule says, on SQLite and on PostgreSQL.
const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];


describe.each(backends)("deputies in elections on %s", (backend) => {
  let app: TestApp;
  // Seats: Admin (chair), Maija, Anna, Ben. Pekka is Maija's personal deputy, Liisa a deputy of nobody, Olli an observer.
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Admin"], backend });
    await app.say("Admin", "group create Hallitus");
    await app.say("Admin", "group link-channel Hallitus #hallitus");
    for (const name of ["Maija", "Anna", "Ben"]) await app.say("Admin", `group add Hallitus ${name}`);
    for (const name of ["Pekka", "Liisa"]) await app.say("Admin", `group add Hallitus ${name} deputy`);
    await app.say("Admin", "group add Hallitus Olli observer");
    expect(await app.say("Admin", "group deputy Hallitus Pekka Maija")).toContain("Pekka on nyt henkilön Maija henkilökohtainen varajäsen");
  });
  afterEach(() => app.close());

  const rule = async (value: "never" | "prevented" | "not-voted") => {
    expect(await app.say("Admin", `group rules Hallitus deputies-vote ${value}`)).not.toContain("Vain");
  };
  const decision = async (): Promise<string> => {
    const id = idIn(await app.say("Admin", "election create Hallitus 1 yes-no Hyväksytäänkö budjetti"));
    expect(await app.say("Admin", `election open ${id} --confirm`)).toContain("Äänioikeutettuja 4");
    return id;
  };
  /** IRV for one seat: 1. Anna, 2. Ben. */
  const ranked = async (): Promise<string> => {
    const id = idIn(await app.say("Admin", "election create Hallitus 1 irv Puheenjohtaja 2027"));
    await app.say("Admin", `election open-nominations ${id}`);
    for (const name of ["Anna", "Ben"]) {
      await app.say(name, `election nominate ${id}`);
      await app.say(name, `election accept ${id} --confirm`);
    }
    expect(await app.say("Admin", `election open ${id} --confirm`)).toContain("Äänioikeutettuja 4");
    return id;
  };
  const vote = (name: string, id: string, choices: string) => app.say(name, `election vote ${id} ${choices} --confirm`);
  const stored = "on tallennettu";
  const ballotCount = (id: string) => castCount(app.store, id);

  it("keeps who may vote as it was when voting opened: the deputies' rule waits until no vote is open", async () => {
    await rule("never");
    const id = await decision();
    const refused = await app.say("Admin", "group rules Hallitus deputies-vote not-voted");
    expect(refused).toContain("Varajäsenten äänioikeutta ei voi muuttaa, kun vaalin Hyväksytäänkö budjetti");
    expect(await vote("Pekka", id, "jaa")).not.toContain(stored);
    await app.say("Admin", `election close ${id} --confirm`);
    expect(await app.say("Admin", "group rules Hallitus deputies-vote not-voted")).not.toContain("ei voi muuttaa");
    expect(await app.say("Admin", "group rules Hallitus")).toContain("not-voted");
  });

  it("counts a member's own vote, not their deputy's earlier ballot, in a ranked election (rule not-voted)", async () => {
    await rule("not-voted");
    const id = await ranked();
    const deputyVoted = await vote("Pekka", id, "Ben");
    expect(deputyVoted).toContain(stored);
    // The deputy hears that the ballot stands only until the member votes.
    expect(deputyVoted).toContain("Äänestit jäsenen Maija sijasta: jos Maija äänestää itse ennen äänestyksen päättymistä, hänen äänensä lasketaan sinun äänesi sijaan");
    const memberVoted = await vote("Admin", id, "Anna");
    expect(memberVoted).toContain(stored);
    expect(memberVoted).not.toContain("sijasta");
    expect(await vote("Ben", id, "Ben")).toContain(stored);
    expect(await app.say("Admin", `election show ${id}`)).toContain("Äänestäneet jäsenpaikat: 3/4, niistä varajäsenen kautta 1");
    // The member votes after all: their vote holds the seat and the deputy's ballot is set aside.
    expect(await vote("Maija", id, "Anna")).toContain(stored);
    expect(await vote("Pekka", id, "Anna")).toContain("Maija on jo äänestänyt vaalissa Puheenjohtaja 2027");
    expect(await vote("Maija", id, "Ben")).toContain("Olet jo äänestänyt");
    const closed = await app.say("Admin", `election close ${id} --confirm`);
    // Counting both would have tied Anna and Ben at 2.
    expect(closed).toContain("Liput: hyväksyttyjä 3, hylättyjä 0");
    expect(closed).toContain("Anna: 2\nBen: 1");
    expect(closed).toContain("Äänestäneet jäsenpaikat: 3/4, niistä varajäsenen kautta 0");
    expect(app.chat.textsIn("#hallitus").join("\n")).toContain("äänesti 3/4 jäsenpaikkaa, niistä varajäsenen kautta 0. Valitut: Anna");
    expect(await ballotCount(id)).toBe(3);
    // The published list and the export hold only the counted ballots, and nothing of the seat.
    const listed = await app.say("Ben", `election ballots ${id}`);
    expect(listed.match(/^`[0-9a-f]{16}`$/gm)).toHaveLength(3);
    const exported = await app.dispatcher.runLine(app.request("Ben"), `election export ${id}`);
    const files = (exported.attachments ?? []).map((f) => f.content).join("\n");
    const maija = (await app.invocation("Maija")).actor.person.id;
    expect(files).not.toContain(maija);
    expect(JSON.stringify(await app.store.uow.read.elections.ballots(id))).not.toContain(maija);
  });

  it("counts a member and their deputy once in a yes/no decision (rule not-voted)", async () => {
    await rule("not-voted");
    const id = await decision();
    expect(await vote("Pekka", id, "ei")).toContain(stored);
    expect(await vote("Maija", id, "kyllä")).toContain(stored);
    expect(await vote("Anna", id, "ei")).toContain(stored);
    const closed = await app.say("Admin", `election close ${id} --confirm`);
    expect(closed).toContain("jaa 1, ei 1, tyhjiä 0");
    expect(closed).toContain("Äänestäneet jäsenpaikat: 2/4, niistä varajäsenen kautta 0");
  });

  it("lets a deputy whose member has not voted vote for the seat (rule not-voted), and counts it", async () => {
    await rule("not-voted");
    const id = await decision();
    expect(await vote("Pekka", id, "kyllä")).toContain(stored);
    expect(await vote("Pekka", id, "kyllä")).toContain("Olet jo äänestänyt");
    await app.say("Admin", `election close ${id} --confirm`);
    const results = await app.say("Anna", `election results ${id}`);
    expect(results).toContain("jaa 1, ei 0");
    expect(results).toContain("Äänestäneet jäsenpaikat: 1/4, niistä varajäsenen kautta 1");
    expect(app.chat.textsIn("#hallitus").join("\n")).toContain("äänesti 1/4 jäsenpaikkaa, niistä varajäsenen kautta 1");
  });

  it("keeps deputies from voting under the rule never", async () => {
    await rule("never");
    const id = await decision();
    expect(await vote("Pekka", id, "kyllä")).toContain("varajäsenet eivät äänestä vaaleissa (deputies-vote never)");
    expect(await app.say("Maija", `election prevented ${id} --confirm`)).toContain("Työryhmän Hallitus sääntö on deputies-vote never");
    expect(await vote("Maija", id, "kyllä")).toContain(stored);
    expect(await ballotCount(id)).toBe(1);
    // The nudge goes to the members of the seats still to vote, not to the deputy.
    expect(await app.say("Admin", `election nudge ${id}`)).toContain("Muistutus lähetetty 3 henkilölle");
    expect(app.chat.directs.map((d) => d.externalId).sort()).toEqual(["console:admin", "console:anna", "console:ben"]);
  });

  it("lets the deputy vote only once the member has declared themselves prevented (rule prevented, the default)", async () => {
    const id = await decision();
    expect(await vote("Pekka", id, "ei")).toContain("Voit äänestää vaalissa Hyväksytäänkö budjetti jäsenen Maija puolesta vasta, kun hän on ilmoittanut olevansa estynyt: /council election prevented");
    expect(await app.say("Admin", `election nudge ${id}`)).toContain("Muistutus lähetetty 4 henkilölle");
    expect(app.chat.directs.map((d) => d.externalId)).not.toContain("console:pekka");
    app.chat.directs.length = 0;

    expect(await app.say("Pekka", `election prevented ${id} --confirm`)).toContain("Et ole äänioikeutettujen luettelossa");
    expect(await app.say("Anna", `election prevented ${id} --confirm`)).toContain("Sinulla ei ollut henkilökohtaista varajäsentä");
    expect(await app.say("Maija", `election prevented ${id}`)).toContain("etkä voi enää äänestää itse");
    expect(await app.say("Maija", `election prevented ${id} --confirm`)).toContain("Varajäsenesi Pekka saa äänestää puolestasi");
    expect(app.chat.directs.map((d) => [d.externalId, replyText(d.reply)])).toEqual([
      ["console:pekka", `Maija on estynyt äänestämään vaalissa Hyväksytäänkö budjetti. Henkilökohtaisena varajäsenenä voit nyt äänestää hänen puolestaan: /council election vote ${id} <valinnat>`],
    ]);
    expect(await app.say("Maija", `election prevented ${id} --confirm`)).toContain("Olet jo ilmoittanut olevasi estynyt");
    expect(await vote("Maija", id, "kyllä")).toContain("et voi enää äänestää itse");
    app.chat.directs.length = 0;
    expect(await app.say("Admin", `election nudge ${id}`)).toContain("Muistutus lähetetty 4 henkilölle");
    expect(app.chat.directs.map((d) => d.externalId).sort()).toEqual(["console:admin", "console:anna", "console:ben", "console:pekka"]);

    expect(await vote("Pekka", id, "ei")).toContain(stored);
    expect(await vote("Pekka", id, "ei")).toContain("Olet jo äänestänyt");
    expect(await vote("Ben", id, "kyllä")).toContain(stored);
    expect(await app.say("Ben", `election prevented ${id} --confirm`)).toContain("Jäsenpaikkasi on jo äänestänyt vaalissa Hyväksytäänkö budjetti, joten esteen ilmoittaminen ei enää muuta mitään");
    const closed = await app.say("Admin", `election close ${id} --confirm`);
    expect(closed).toContain("jaa 1, ei 1, tyhjiä 0");
    expect(closed).toContain("Äänestäneet jäsenpaikat: 2/4, niistä varajäsenen kautta 1");
    // Audited, with nothing about a ballot.
    expect(await app.say("Admin", "group history Hallitus 30")).toContain(`Maija ilmoitti olevansa estynyt äänestämään vaalissa ${id}`);
  });

  it("refuses a deputy of nobody, an observer and a member who joined after voting opened", async () => {
    await rule("not-voted");
    const id = await decision();
    await app.say("Admin", "group add Hallitus Myöhäinen");
    for (const name of ["Liisa", "Olli", "Myöhäinen"]) expect(await vote(name, id, "kyllä")).toContain("Et ole äänioikeutettujen luettelossa");
    // A deputy named after voting opened does not stand in for the seat.
    await app.say("Admin", "group deputy Hallitus Liisa Anna");
    expect(await vote("Liisa", id, "kyllä")).toContain("Et ole äänioikeutettujen luettelossa");
    expect(await ballotCount(id)).toBe(0);
  });

  it("lets exactly one of a member and their deputy hold the seat when both submit at once (rule not-voted: the member's)", async () => {
    await rule("not-voted");
    const id = await decision();
    const replies = await Promise.all([vote("Pekka", id, "ei"), vote("Maija", id, "kyllä"), vote("Pekka", id, "ei"), vote("Maija", id, "kyllä")]);
    // The member's two submits: exactly one stored; the deputy's count only until the member's arrives.
    expect([replies[1]!, replies[3]!].filter((r) => r.includes(stored))).toHaveLength(1);
    expect([replies[0]!, replies[2]!].filter((r) => r.includes(stored)).length).toBeLessThanOrEqual(1);
    const closed = await app.say("Admin", `election close ${id} --confirm`);
    expect(closed).toContain("jaa 1, ei 0, tyhjiä 0");
    expect(closed).toContain("Äänestäneet jäsenpaikat: 1/4, niistä varajäsenen kautta 0");
  });

  it("lets exactly one deputy ballot in when a prevented member's deputy submits twice at once", async () => {
    const id = await decision();
    await app.say("Maija", `election prevented ${id} --confirm`);
    const replies = await Promise.all([vote("Pekka", id, "ei"), vote("Pekka", id, "kyllä"), vote("Maija", id, "kyllä")]);
    expect(replies.filter((r) => r.includes(stored))).toHaveLength(1);
    expect(await ballotCount(id)).toBe(1);
    expect((await app.store.uow.read.elections.rollCounts(id)).byDeputy).toBe(1);
  });

  it("claims a seat once across two store connections, as two bot processes would", async () => {
    const id = await decision();
    const second = await app.openSecondStore();
    try {
      const maija = (await app.invocation("Maija")).actor.person.id;
      const anna = (await app.invocation("Anna")).actor.person.id;
      const pekka = (await app.invocation("Pekka")).actor.person.id;
      const stores = [app.store, second];
      // The same member twice: exactly one claim.
      // Each claim on its own (one statement), as the vote's transaction makes it: two SQLite
      // connections in one process cannot both hold a transaction open.
      const twice = await Promise.all(stores.map((s) => s.uow.read.elections.claimSeat(id, { by: "member", memberId: anna })));
      expect(twice.sort()).toEqual([false, true]);
      // A deputy who needs the member prevented, racing the member: only the member.
      const raced = await Promise.all([
        app.store.uow.read.elections.claimSeat(id, { by: "deputy", memberId: maija, deputyId: pekka, onlyIfPrevented: true }),
        second.uow.read.elections.claimSeat(id, { by: "member", memberId: maija }),
      ]);
      expect(raced).toEqual([false, true]);
      expect(await app.store.uow.read.elections.rollCounts(id)).toEqual({ voters: 4, voted: 2, byDeputy: 0 });
    } finally {
      await second.close();
    }
  });

  it("lets the member's claim replace a deputy's across two store connections, and never the other way round", async () => {
    await rule("not-voted");
    const id = await decision();
    const second = await app.openSecondStore();
    try {
      const maija = (await app.invocation("Maija")).actor.person.id;
      const pekka = (await app.invocation("Pekka")).actor.person.id;
      const deputyClaim = { by: "deputy", memberId: maija, deputyId: pekka, onlyIfPrevented: false } as const;
      const raced = await Promise.all([
        app.store.uow.read.elections.claimSeat(id, deputyClaim),
        second.uow.read.elections.claimSeat(id, { by: "member", memberId: maija }),
        second.uow.read.elections.claimSeat(id, deputyClaim),
      ]);
      expect(raced[1]).toBe(true);
      expect(raced[0] && raced[2]).toBe(false);
      expect(await app.store.uow.read.elections.rollCounts(id)).toEqual({ voters: 4, voted: 1, byDeputy: 0 });
    } finally {
      await second.close();
    }
  });
});
