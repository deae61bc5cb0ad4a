import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { createApp } from "../../src/app.ts";
import type { CommandCall } from "../../src/render/reply.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/postgres.ts";
import { runTally } from "../../src/cli/tally.ts";
import { receiptHash } from "../../src/core/elections/record/receipts.ts";
import { createTestApp, replyText, silentLogger, type Backend, type TestApp } from "../support/test-app.ts";
import { ballotCount as castCount, idIn, receiptIn } from "../support/election-replies.ts";

// The rules hold on SQLite and on PostgreSQL; the raw-table checks read the SQLite file.
const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];


describe.each(backends)("elections on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Admin"], backend });
    await app.say("Admin", "group create Viestintä");
    await app.say("Admin", "group link-channel Viestintä #viestinta");
    for (const name of ["Anna", "Bertta", "Cecilia", "Daniel", "Eero"]) await app.say("Admin", `group add Viestintä ${name}`);
    await app.say("Admin", "group add Viestintä Olli observer");
    for (const sector of ["kulttuuri", "liikunta", "nuoriso"]) await app.say("Admin", `sector add ${sector}`);
    for (const [name, sector] of [["Anna", "kulttuuri"], ["Bertta", "kulttuuri"], ["Cecilia", "liikunta"], ["Daniel", "nuoriso"]] as const) {
      await app.say(name, `profile set sector ${sector}`);
      await app.say(name, `profile set organisation ${name}n yhdistys`);
    }
  });
  afterEach(() => app.close());

  const rows = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(app.store.location, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  const ballotCount = (id: string) => castCount(app.store, id);

  /** An STV election for two seats with a culture quota of one, four accepted candidates, voting open. */
  async function stvElection(options: { quota?: boolean; deputies?: "next-placed" | "pairs" } = {}): Promise<string> {
    const id = idIn(await app.say("Admin", "election create Viestintä 2 stv Edustajat 2027"));
    if (options.quota !== false) expect(await app.say("Admin", `election quota ${id} kulttuuri 1`)).toContain("enintään 1 paikka");
    if (options.deputies) await app.say("Admin", `election deputies ${id} ${options.deputies}`);
    expect(await app.say("Admin", `election criteria ${id} Olen jäsenjärjestön varsinainen jäsen`)).toContain("kelpoisuusehto 1 lisätty");
    expect(await app.say("Admin", `election open-nominations ${id}`)).toContain("Ehdokasasettelu avattu");
    for (const name of ["Anna", "Bertta", "Cecilia", "Daniel"]) {
      expect(await app.say(name, `election nominate ${id}`)).toContain("Asetit itsesi ehdolle");
      const review = await app.say(name, `election accept ${id}`);
      expect(review).toContain("1. Olen jäsenjärjestön varsinainen jäsen");
      expect(review).toContain("[Vahvista] [Peruuta]");
      expect(await app.say(name, `election accept ${id} --confirm`)).toContain("Olet ehdokkaana");
    }
    const opened = await app.say("Admin", `election open ${id} --confirm`);
    expect(opened).toContain("Äänioikeutettuja 6");
    return id;
  }

  it("runs nominations, a secret STV vote with a binding sector quota, and a count that shows every round", async () => {
    const id = await stvElection({ deputies: "next-placed" });
    const candidates = await app.say("Eero", `election candidates ${id}`);
    expect(candidates).toContain("1. Anna · kulttuuri · Annan yhdistys");
    expect(candidates).toContain("3. Cecilia · liikunta · Cecilian yhdistys");

    const review = await app.say("Anna", `election vote ${id} Anna 3`);
    expect(review).toContain("etusijajärjestyksessä:\n1. Anna\n3. Cecilia");
    expect(review).toContain("[Vahvista] [Peruuta]");
    expect(await ballotCount(id)).toBe(0);

    const receipts: string[] = [];
    for (const [voter, choices] of [["Admin", "1 2"], ["Anna", "Anna 3"], ["Bertta", "2 1"], ["Cecilia", "3"], ["Daniel", "1 4"], ["Eero", "Bertta, Cecilia"]] as const) {
      const cast = await app.say(voter, `election vote ${id} ${choices} --confirm`);
      expect(cast).toContain("on tallennettu");
      receipts.push(receiptIn(cast));
    }
    expect(new Set(receipts).size).toBe(6);
    expect(await app.say("Anna", `election ballots ${id}`)).toContain("tilassa äänestys");

    const closed = await app.say("Admin", `election close ${id} --confirm`);
    expect(closed).toContain("Äänikynnys (Droop): 3,00000");
    expect(closed).toContain("Kierros 1: ensimmäiset preferenssit");
    expect(closed).toContain("Anna: valittu kierroksella 1");
    expect(closed).toContain("Ohitettu: Bertta, toimialan kulttuuri paikat ovat täynnä");
    expect(closed).toMatch(/Cecilia: valittu kierroksella \d/);
    expect(closed).toContain("Anna – varajäsen Bertta");
    const election = await app.services.elections.show(await app.invocation("Admin"), id);
    expect(election.election.result?.kind === "candidates" && election.election.result.count.elected).toEqual(["1", "3"]);
    expect(await app.say("Eero", `election results ${id}`)).toContain("Kierros 1: ensimmäiset preferenssit");

    // Receipts appear only as hashes, apart from the ballots (see election-record.test.ts).
    const ballots = await app.say("Eero", `election ballots ${id}`);
    for (const receipt of receipts) expect(ballots).toContain(`\`${receiptHash(id, receipt).slice(0, 16)}\``);
    for (const receipt of receipts) expect(ballots).not.toContain(receipt);
    expect(ballots).toContain("1. Anna › 3. Cecilia");

    const posts = app.chat.textsIn("#viestinta").join("\n");
    expect(posts).toContain("Ehdokasasettelu on auki vaalissa Edustajat 2027");
    expect(posts).toMatch(/Arvonnan siemenen SHA-256-tiiviste: [0-9a-f]{64}/);
    expect(posts).toContain("äänesti 6/6 jäsenpaikkaa, niistä varajäsenen kautta 0. Valitut: Anna, Cecilia");
    const { seed, seedHash } = election.election;
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(seed!).digest("hex")).toBe(seedHash);
    expect(posts).toContain(`Arvonnan siemen: ${seed}`);

    expect(await app.say("Anna", `election certify ${id} --confirm`)).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Admin", `election certify ${id} --confirm`)).toContain("aluehallituksen vahvistamaksi");
    const history = await app.say("Admin", "group history Viestintä 50");
    for (const line of ["Admin loi vaalin Edustajat 2027", "Anna hyväksyi ehdokkuutensa", "Admin avasi äänestyksen", "Admin päätti äänestyksen", "merkitsi vaalin"]) {
      expect(history).toContain(line);
    }
  });

  it.runIf(backend === "sqlite")("keeps ballots sealed while voting is open and writes one shuffled, anonymous box at close", async () => {
    const id = await stvElection();
    const receipts: string[] = [];
    for (const [voter, ranking] of [["Cecilia", "3 1"], ["Anna", "1"], ["Daniel", "2"], ["Bertta", "4 2 1 3"]] as const) {
      receipts.push(/[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(await app.say(voter, `election vote ${id} ${ranking} --confirm`))![0]);
    }
    const voterColumns = rows<{ name: string }>(`PRAGMA table_info("ElectionVoter")`).map((c) => c.name).sort();
    expect(voterColumns).toEqual(["byDeputy", "deputyId", "electionId", "hasVoted", "id", "personId", "prevented"]);
    expect(rows(`SELECT "personId" FROM "ElectionVoter" WHERE "electionId" = ? AND "hasVoted" = 1`, id)).toHaveLength(2 + 2);
    // While voting is open nothing readable is stored: no box rows, sealed rows of one length
    // (a short ranking looks like a long one) with no receipt in them.
    expect(rows(`SELECT * FROM "ElectionBallot" WHERE "electionId" = ?`, id)).toHaveLength(0);
    const sealed = rows<{ sealed: string }>(`SELECT sealed FROM "SealedBallot" WHERE "electionId" = ?`, id).map((r) => r.sealed);
    expect(sealed).toHaveLength(4);
    expect(new Set(sealed.map((s) => s.length)).size).toBe(1);
    for (const receipt of receipts) expect(sealed.join("")).not.toContain(receipt);
    expect(rows(`SELECT * FROM "ElectionSeal" WHERE "electionId" = ?`, id)).toHaveLength(1);
    // Nothing in the audit log about votes.
    const actions = rows<{ action: string }>(`SELECT action FROM "AuditEvent"`).map((r) => r.action);
    expect(actions.some((a) => a.includes("vote"))).toBe(false);

    await app.say("Admin", `election close ${id} --confirm`);
    // At close: the box holds every ballot with its receipt, the sealed rows and the key's salt are gone.
    const box = await app.store.uow.read.elections.ballots(id);
    expect(box.map((b) => b.receipt).sort()).toEqual([...receipts].sort());
    expect(box.find((b) => b.receipt === receipts[3])?.choices).toEqual({ kind: "candidates", numbers: [4, 2, 1, 3] });
    expect(rows(`SELECT * FROM "SealedBallot"`)).toHaveLength(0);
    expect(rows(`SELECT * FROM "ElectionSeal"`)).toHaveLength(0);
    const columns = rows<{ name: string }>(`PRAGMA table_info("ElectionBallot")`).map((c) => c.name).sort();
    expect(columns).toEqual(["choices", "electionId", "receipt"]);
  });

  it("refuses to seal or count with a ballot secret other than the one voting opened with, losing nothing", async () => {
    const id = await stvElection();
    await app.say("Anna", `election vote ${id} 1 2 --confirm`);
    const other = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki" }, store: app.store, chat: app.chat, logger: silentLogger, ballotSecret: randomBytes(32) });
    const say = async (name: string, line: string) => replyText(await other.dispatcher.runLine(app.request(name), line));
    expect(await say("Bertta", `election vote ${id} 2 --confirm`)).toContain("botin äänestysavain ei ole se, jolla äänestys avattiin");
    expect(await say("Admin", `election close ${id} --confirm`)).toContain("Mitään ei tallennettu eikä mitään kadonnut");
    expect((await app.store.uow.read.elections.find(id))?.state).toBe("voting");
    // Bertta may still vote, and with the right secret the close counts both ballots.
    expect(await app.say("Bertta", `election vote ${id} 2 --confirm`)).toContain("on tallennettu");
    await app.say("Admin", `election close ${id} --confirm`);
    expect(await app.store.uow.read.elections.ballots(id)).toHaveLength(2);
  });

  it("stores one ballot when the same voter submits twice at once", async () => {
    const id = await stvElection();
    const replies = await Promise.all([app.say("Daniel", `election vote ${id} 4 1 --confirm`), app.say("Daniel", `election vote ${id} 2 --confirm`)]);
    expect(replies.filter((r) => r.includes("on tallennettu"))).toHaveLength(1);
    expect(replies.filter((r) => r.includes("Olet jo äänestänyt vaalissa Edustajat 2027"))).toHaveLength(1);
    expect(await ballotCount(id)).toBe(1);
    expect(await app.say("Daniel", `election vote ${id} 1 --confirm`)).toContain("Olet jo äänestänyt");
    expect(await ballotCount(id)).toBe(1);
    // The claim itself is one conditional update: of two racing transactions exactly one wins.
    const eero = (await app.invocation("Eero")).actor.person.id;
    const claims = await Promise.all(
      [1, 2].map(() => app.store.uow.run((stores) => stores.elections.claimSeat(id, { by: "member", memberId: eero }))),
    );
    expect(claims.sort()).toEqual([false, true]);
  });

  it("refuses votes off the roll, for withdrawn candidates, malformed or after closing, storing nothing", async () => {
    const id = await stvElection();
    expect(await app.say("Daniel", `election withdraw ${id} --confirm`)).toContain("vedetty pois");
    expect(await app.say("Olli", `election vote ${id} 1 --confirm`)).toContain("Et ole äänioikeutettujen luettelossa");
    await app.say("Admin", "group add Viestintä Myöhäinen");
    expect(await app.say("Myöhäinen", `election vote ${id} 1 --confirm`)).toContain("Et ole äänioikeutettujen luettelossa");
    expect(await app.say("Eero", `election vote ${id} 4 --confirm`)).toContain("Daniel on vetäytynyt");
    expect(await app.say("Eero", `election vote ${id} 1 1 --confirm`)).toContain("Anna on lipussa kahdesti");
    expect(await app.say("Eero", `election vote ${id} 9 --confirm`)).toContain("En tunnista valintaa \"9\"");
    expect(await app.say("Eero", `election vote ${id} Anna`)).toContain("[Vahvista]");
    expect(await ballotCount(id)).toBe(0);
    expect((await app.store.uow.read.elections.rollCounts(id)).voted).toBe(0);
    expect(await app.say("Eero", `election close ${id} --confirm`)).toContain("Vain työryhmän Viestintä puheenjohtaja");
    await app.say("Admin", `election close ${id} --confirm`);
    expect(await app.say("Eero", `election vote ${id} 1 --confirm`)).toContain("tilassa päättynyt");
    expect(await ballotCount(id)).toBe(0);
  });

  it("nominates again one who withdrew while nominations are open; they accept again to stand", async () => {
    const id = idIn(await app.say("Admin", "election create Viestintä 1 Puheenjohtaja 2027"));
    await app.say("Admin", `election open-nominations ${id}`);
    await app.say("Anna", `election nominate ${id}`);
    expect(await app.say("Anna", `election accept ${id} --confirm`)).toContain("Olet ehdokkaana");
    expect(await app.say("Anna", `election withdraw ${id} --confirm`)).toContain("vedetty pois");
    expect(await app.say("Bertta", `election nominate ${id} Anna`)).toContain("Anna on asetettu ehdolle vaalissa Puheenjohtaja 2027. Hänen pitää vielä hyväksyä");
    expect(await app.say("Admin", `election candidates ${id}`)).toContain("Anna · kulttuuri · Annan yhdistys (odottaa hyväksyntää)");
    expect(await app.say("Anna", `election accept ${id} --confirm`)).toContain("Olet ehdokkaana");
    expect(await app.say("Admin", `election candidates ${id}`)).toContain("ehdokkaat (1)");
    expect(await app.say("Cecilia", `election nominate ${id} Anna`)).toContain("Anna on jo asetettu ehdolle");
  });

  it("asks which was meant when the method is misspelt, creating nothing, and reads d'Hondt with its apostrophe", async () => {
    const misspelt = await app.say("Admin", "election create Viestintä 2 plurallity Varapuheenjohtajat");
    expect(misspelt).toContain('Tarkoititko vaalitapaa plurality (kirjoitit "plurallity")? Esim. /council election create Viestintä 2 plurality Varapuheenjohtajat');
    expect((await app.services.elections.list(await app.invocation("Admin"), "Viestintä")).elections.total).toBe(0);
    expect(await app.say("Admin", "election create Viestintä 2 d'hondt Hallitus 2027")).toContain("Hallitus 2027 luotu työryhmälle Viestintä");
    expect(await app.say("Admin", "election create Viestintä 2 d’Hondt Hallitus 2028")).toContain("listavaali d'Hondtin vertausluvuin");
    expect(await app.say("Admin", "election create Viestintä 1 Lista 2027")).toContain("Lista 2027");
  });

  it("lets only officers create and open, and says who may", async () => {
    const refusal = await app.say("Anna", "election create Viestintä 1 Puheenjohtaja");
    expect(refusal).toContain("Vain työryhmän Viestintä puheenjohtaja, varapuheenjohtaja, sihteeri tai työtilan ylläpitäjä voi tehdä tämän (election create). Ryhmän puheenjohtajisto: Admin.");
    expect((await app.services.elections.list(await app.invocation("Admin"), "Viestintä")).elections.total).toBe(0);
    const id = idIn(await app.say("Admin", "election create Viestintä 1 Puheenjohtaja 2027"));
    expect(await app.say("Admin", `election show ${id}`)).toContain("enemmistövaali");
    expect(await app.say("Anna", `election open-nominations ${id}`)).toContain("(election open-nominations)");
    expect(await app.say("Admin", `election open ${id} --confirm`)).toContain("tilassa luonnos");
    expect(await app.say("Admin", "election create Viestintä 2 irv Kaksi paikkaa")).toContain("ei sovi 2 valittavalle");
  });

  it("pairs a candidate with a named deputy and counts plurality", async () => {
    const id = idIn(await app.say("Admin", "election create Viestintä 1 plurality Puheenjohtaja"));
    await app.say("Admin", `election deputies ${id} pairs`);
    await app.say("Admin", `election open-nominations ${id}`);
    expect(await app.say("Anna", `election nominate ${id} Anna`)).toContain("ehdokas asetetaan varajäsenen kanssa");
    expect(await app.say("Anna", `election nominate ${id} Anna Bertta`)).toContain("Asetit itsesi ehdolle");
    expect(await app.say("Anna", `election nominate ${id} Cecilia Daniel`)).toContain("Cecilia on asetettu ehdolle");
    expect(await app.say("Bertta", `election accept ${id} --confirm`)).toContain("Sinua ei ole asetettu ehdolle");
    await app.say("Anna", `election accept ${id} --confirm`);
    await app.say("Cecilia", `election accept ${id} --confirm`);
    expect(await app.say("Eero", `election candidates ${id}`)).toContain("Anna · kulttuuri · Annan yhdistys (varajäsen: Bertta)");
    await app.say("Admin", `election open ${id} --confirm`);
    expect(await app.say("Eero", `election vote ${id} 1 2 --confirm`)).toContain("Lipussa on 2 merkintää; enintään 1");
    await app.say("Eero", `election vote ${id} Anna --confirm`);
    await app.say("Bertta", `election vote ${id} 1 --confirm`);
    await app.say("Daniel", `election vote ${id} 2 --confirm`);
    const closed = await app.say("Admin", `election close ${id} --confirm`);
    expect(closed).toContain("Valitut: Anna");
    expect(closed).toContain("Anna – varajäsen Bertta");
    const exported = await app.dispatcher.runLine(app.request("Eero"), `election export ${id}`);
    const files = exported.attachments ?? [];
    expect(files.map((f) => f.filename)).toEqual([`${id}.blt`, `${id}-results.csv`, `${id}-results.md`]);
    const blt = files[0]!.content.split("\n");
    // Ballot lines come in receipt order, which is random: compare them as a set.
    expect(blt[0]).toBe("2 1");
    expect(blt.slice(1, 4).sort()).toEqual(["1 1 0", "1 1 0", "1 2 0"]);
    expect(blt.slice(4).join("\n")).toBe('0\n"Anna"\n"Cecilia"\n"Puheenjohtaja"\n');
    expect(files[1]!.content).toContain("numero,ehdokas,toimiala,taustaorganisaatio,kierros 1,valittu,sija");
    expect(files[1]!.content).toContain("1,Anna,kulttuuri,Annan yhdistys,2,kyllä,1");
  });

  it("decides a yes/no question without nominations", async () => {
    const id = idIn(await app.say("Admin", "election create Viestintä 1 yes-no Hyväksytäänkö budjetti"));
    expect(await app.say("Admin", `election open-nominations ${id}`)).toContain("on jaa/ei-äänestys: siinä ei ole ehdokkaita eikä ehdokasasettelua. Äänestyksen avaa /council election open");
    await app.say("Admin", `election open ${id} --confirm`);
    await app.say("Anna", `election vote ${id} kyllä --confirm`);
    await app.say("Bertta", `election vote ${id} yes --confirm`);
    await app.say("Cecilia", `election vote ${id} ei --confirm`);
    await app.say("Daniel", `election vote ${id} tyhjä --confirm`);
    expect(await app.say("Eero", `election vote ${id} ehkä --confirm`)).toContain("Vastaa yes, no tai abstain");
    const closed = await app.say("Admin", `election close ${id} --confirm`);
    expect(closed).toContain("Päätös hyväksyttiin: jaa 2, ei 1, tyhjiä 1.");
  });

  it("nudges by direct message only those on the roll who have not voted, naming nobody else", async () => {
    const id = await stvElection();
    await app.say("Anna", `election vote ${id} 1 3 --confirm`);
    await app.say("Cecilia", `election vote ${id} 3 --confirm`);
    expect(await app.say("Anna", `election nudge ${id}`)).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Admin", `election nudge ${id}`)).toContain("Muistutus lähetetty 4 henkilölle");
    const nudged = app.chat.directs.map((d) => d.externalId).sort();
    expect(nudged).toEqual(["console:admin", "console:bertta", "console:daniel", "console:eero"]);
    for (const direct of app.chat.directs) {
      const text = direct.reply.blocks.map((b) => ("text" in b ? b.text : "")).join(" ");
      expect(text).toContain(`/council election vote ${id}`);
      for (const name of ["Anna", "Bertta", "Cecilia", "Daniel", "Eero"]) expect(text).not.toContain(name);
    }
  });

  it("exports ballots, sectors and quotas that recount outside the bot to the same winners", async () => {
    const id = await stvElection();
    for (const [voter, choices] of [["Admin", "1 2"], ["Anna", "1 3"], ["Bertta", "2 1"], ["Cecilia", "3"], ["Daniel", "1 4"], ["Eero", "2 3"]] as const) {
      await app.say(voter, `election vote ${id} ${choices} --confirm`);
    }
    await app.say("Admin", `election close ${id} --confirm`);
    const exported = await app.dispatcher.runLine(app.request("Admin"), `election export ${id}`);
    const files = new Map((exported.attachments ?? []).map((a) => [a.filename, a.content]));
    expect([...files.keys()]).toContain(`${id}-sectors.csv`);
    expect(files.get(`${id}-sectors.csv`)).toContain("1,Anna,kulttuuri");
    const command = replyText(exported).match(/npm run tally -- (.*)$/m)?.[1];
    expect(command).toContain(`--sectors ${id}-sectors.csv --quota 'kulttuuri=1' ${id}.blt`);

    const argv = [...command!.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!).concat("--json");
    const tally = async (args: string[]) => {
      let out = "";
      const code = await runTally(args, {
        stdout: (text) => void (out += text),
        stderr: (text) => void (out += text),
        readFile: async (path) => files.get(path) ?? Promise.reject(new Error(path)),
        env: {},
      });
      expect(code).toBe(0);
      return JSON.parse(out) as { elected: string[] };
    };
    const recount = await tally(argv);
    const bot = await app.services.elections.show(await app.invocation("Admin"), id);
    const names = new Map(bot.candidates.map((c) => [String(c.number), c.displayName]));
    const botElected = bot.election.result?.kind === "candidates" ? bot.election.result.count.elected.map((n) => names.get(n)) : [];
    expect(recount.elected).toEqual(botElected);
    // The quota decides this count: without it, both culture candidates would be elected.
    expect(botElected).toEqual(["Anna", "Cecilia"]);
    const withoutQuota = argv.filter((arg, i) => !["--sectors", "--quota"].includes(arg) && !["--sectors", "--quota"].includes(argv[i - 1] ?? ""));
    expect((await tally(withoutQuota)).elected).toEqual(["Anna", "Bertta"]);
  });

  it("builds a ranked ballot one choice at a time, then reviews and casts it", async () => {
    const id = await stvElection();
    const step = async (input: string | CommandCall) => app.dispatcher.run(app.request("Eero"), typeof input === "string" ? { line: input } : input);
    const choicesOf = (reply: Awaited<ReturnType<typeof step>>) => reply.blocks.flatMap((b) => (b.type === "select" ? b.options : []));
    const buttonsOf = (reply: Awaited<ReturnType<typeof step>>) => reply.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons : []));

    const first = await step(`election ballot ${id}`);
    expect(replyText(first)).toContain("Et ole vielä valinnut ketään.");
    expect(choicesOf(first).map((o) => o.label)).toEqual(["1. Anna", "2. Bertta", "3. Cecilia", "4. Daniel"]);
    const second = await step(choicesOf(first).find((o) => o.label === "3. Cecilia")!.call);
    expect(second.blocks.flatMap((b) => (b.type === "select" ? [b.placeholder] : []))).toEqual(["Valitse 2. sija"]);
    expect(choicesOf(second).map((o) => o.label)).toEqual(["1. Anna", "2. Bertta", "4. Daniel"]);
    const third = await step(choicesOf(second).find((o) => o.label === "1. Anna")!.call);
    const review = buttonsOf(third).find((b) => b.label === "Tarkista ja äänestä")!;
    expect(review.call).toEqual({ command: "election vote", args: { election: id, choices: "3 1" } });
    const question = await step(review.call);
    expect(replyText(question)).toContain("3. Cecilia\n1. Anna");
    const confirm = buttonsOf(question).find((b) => b.label === "Vahvista")!;
    expect(replyText(await step(confirm.call))).toContain("on tallennettu");
    expect(await ballotCount(id)).toBe(1);
    expect(replyText(await step(`election ballot ${id}`))).toContain("Olet jo äänestänyt");
  });
});
