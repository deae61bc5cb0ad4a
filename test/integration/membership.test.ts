import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import type { Button, Reply } from "../../src/render/reply.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { recordingChat } from "../support/recording-chat.ts";
import { createTestApp, replyText, silentLogger, type Backend, type TestApp } from "../support/test-app.ts";
import { testBallotSecret } from "../support/ballot-secret.ts";

// Who becomes a voting member, and who gives the chair, hold the same on SQLite and PostgreSQL.
const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];

const buttonsOf = (reply: Reply): Button[] => reply.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons : []));

describe.each(backends)("membership requests on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Ylläpitäjä"], backend });
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group add Viestintä Cecilia secretary");
    await app.say("Anna", "group add Viestintä Dora");
    await app.say("Anna", "group link-channel Viestintä #viestinta");
  });
  afterEach(() => app.close());

  const dmsTo = (name: string) => app.chat.directs.filter((d) => d.externalId === `console:${name.toLowerCase()}`);
  const press = (name: string, button: Button | undefined) => app.dispatcher.run(app.request(name), button!.call).then(replyText);

  it("turns a join into a request the officers hear about, and makes no member until one accepts", async () => {
    expect(await app.say("Ben", "group join Viestintä")).toContain("Pyyntösi liittyä työryhmään *Viestintä* odottaa puheenjohtajiston");
    expect(await app.say("Anna", "group members Viestintä")).not.toContain("Ben");

    // Each officer by direct message, and the group's channel, each with the answers as buttons.
    for (const officer of ["Anna", "Cecilia"]) {
      const [notice] = dmsTo(officer);
      expect(replyText(notice!.reply)).toContain("Ben pyytää päästä työryhmän *Viestintä* jäseneksi.");
      expect(buttonsOf(notice!.reply).map((b) => b.label)).toEqual(["Hyväksy", "Hylkää"]);
    }
    expect(dmsTo("Dora")).toEqual([]);
    const posted = app.chat.posts.filter((p) => p.channelId === "#viestinta").at(-1)!;
    expect(replyText(posted.reply)).toContain("Ben pyytää päästä työryhmän *Viestintä* jäseneksi.");

    expect(await app.say("Ben", "group join Viestintä")).toContain("Pyyntösi liittyä työryhmään Viestintä odottaa jo");
    expect(await app.say("Dora", "group requests Viestintä")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Anna", "group requests Viestintä")).toContain("Viestintä: 1 jäsenyyspyyntö\nBen\n[Hyväksy] [Hylkää]");

    // A member pressing the channel's Accept is refused; the secretary pressing it in her DM accepts.
    expect(await press("Dora", buttonsOf(posted.reply)[0])).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await press("Cecilia", buttonsOf(dmsTo("Cecilia")[0]!.reply)[0])).toContain("Ben on nyt työryhmän *Viestintä* jäsen.");
    expect(await app.say("Anna", "group members Viestintä")).toContain("Ben (jäsen)");
    expect(app.chat.textsIn("#viestinta")).toContain("Ben liittyi työryhmään Viestintä.");
    expect(replyText(dmsTo("Ben").at(-1)!.reply)).toContain("Sinut hyväksyttiin työryhmän *Viestintä* jäseneksi.");
    const history = await app.say("Anna", "group history Viestintä");
    expect(history).toContain("Ben pyysi päästä jäseneksi");
    expect(history).toContain("Cecilia hyväksyi henkilön Ben jäseneksi");

    // Answered once: the other officer's button and a new join find nothing to do.
    expect(await press("Anna", buttonsOf(dmsTo("Anna")[0]!.reply)[0])).toContain("Henkilöllä Ben ei ole avointa jäsenyyspyyntöä");
    expect(await app.say("Ben", "group join Viestintä")).toContain("Olet jo työryhmän Viestintä jäsen.");
    expect(await app.say("Anna", "group requests Viestintä")).toContain("ei ole avoimia jäsenyyspyyntöjä");
  });

  it("declines a request: audited, the requester told, and nothing else changes", async () => {
    await app.say("Ben", "group join Viestintä");
    expect(await app.say("Dora", "group decline Viestintä Ben")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Ylläpitäjä", "group decline Viestintä Ben")).toContain("Henkilön Ben jäsenyyspyyntö työryhmään *Viestintä* hylättiin.");
    expect(replyText(dmsTo("Ben").at(-1)!.reply)).toContain("Pyyntöäsi liittyä työryhmään *Viestintä* ei hyväksytty.");
    expect(await app.say("Anna", "group members Viestintä")).not.toContain("Ben");
    expect(await app.say("Anna", "group requests Viestintä")).toContain("ei ole avoimia jäsenyyspyyntöjä");
    expect(await app.say("Anna", "group history Viestintä")).toContain("Ylläpitäjä hylkäsi henkilön Ben jäsenyyspyynnön");
    expect(await app.say("Anna", "group accept Viestintä Ben")).toContain("Henkilöllä Ben ei ole avointa jäsenyyspyyntöä");
    // Declined is not banned: a new request may be made.
    expect(await app.say("Ben", "group join Viestintä")).toContain("odottaa puheenjohtajiston");
  });

  it("keeps a request across a restart, and answers it when an officer adds the person directly", async () => {
    await app.say("Ben", "group join Viestintä");
    await app.say("Eero", "group join Viestintä");
    const second = await app.openSecondStore();
    try {
      const restarted = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki" }, store: second, chat: recordingChat(), logger: silentLogger, ballotSecret: testBallotSecret, clock: app.clock });
      const listed = replyText(await restarted.dispatcher.runLine(app.request("Anna"), "group requests Viestintä"));
      expect(listed).toContain("Viestintä: 2 jäsenyyspyyntöä");
      expect(replyText(await restarted.dispatcher.runLine(app.request("Anna"), "group accept Viestintä Eero"))).toContain("Eero on nyt työryhmän *Viestintä* jäsen.");
    } finally {
      await second.close();
    }
    await app.say("Anna", "group add Viestintä Ben observer");
    expect(await app.say("Anna", "group requests Viestintä")).toContain("ei ole avoimia jäsenyyspyyntöjä");
    expect(await app.say("Anna", "group members Viestintä")).toContain("Ben (tarkkailija)");
  });

  it("lets anyone join at once where the group's rule is joining open", async () => {
    await app.say("Anna", "group rules Viestintä joining open");
    expect(await app.say("Ben", "group join Viestintä")).toContain("Liityit työryhmään *Viestintä* jäsenenä.");
    expect(await app.say("Anna", "group requests Viestintä")).toContain("ei ole avoimia jäsenyyspyyntöjä");
    expect(dmsTo("Anna")).toEqual([]);
  });

  it("withdraws a pending request when its maker leaves the group they are not yet in", async () => {
    await app.say("Ben", "group join Viestintä");
    expect(await app.say("Ben", "group leave Viestintä")).toContain("Peruit pyyntösi liittyä työryhmään *Viestintä*.");
    expect(await app.say("Anna", "group requests Viestintä")).toContain("ei ole avoimia jäsenyyspyyntöjä");
    expect(await app.say("Anna", "group history Viestintä")).toContain("Ben perui jäsenyyspyyntönsä");
    expect(await app.say("Ben", "group leave Viestintä")).toContain("ei ole");
  });

  it("answers a request left from before the group opened when its maker joins: no officer declines a member", async () => {
    await app.say("Ben", "group join Viestintä");
    await app.say("Anna", "group rules Viestintä joining open");
    expect(await app.say("Ben", "group join Viestintä")).toContain("Liityit työryhmään *Viestintä* jäsenenä.");
    expect(await app.say("Anna", "group requests Viestintä")).toContain("ei ole avoimia jäsenyyspyyntöjä");
    expect(await app.say("Anna", "group decline Viestintä Ben")).toContain("Ben on jo");
    expect(dmsTo("Ben").map((d) => replyText(d.reply)).join("\n")).not.toContain("hylättiin");
    expect(await app.say("Anna", "group members Viestintä")).toContain("Ben");
  });
});

describe.each(backends)("the chair role on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Ylläpitäjä"], backend });
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group add Viestintä Cecilia secretary");
    await app.say("Anna", "group add Viestintä Ville vice-chair");
    await app.say("Anna", "group add Viestintä Ben");
    await app.say("Anna", "group add Viestintä Pekka deputy");
  });
  afterEach(() => app.close());

  const members = () => app.say("Anna", "group members Viestintä");

  it("is given and taken only by a chair or a workspace admin, on every path, naming who may", async () => {
    const before = await members();
    const chairOnly = (action: string) =>
      `Vain työryhmän Viestintä puheenjohtaja tai työtilan ylläpitäjä voi antaa tai ottaa puheenjohtajan roolin (${action}). Puheenjohtaja: Anna.`;
    expect(await app.say("Cecilia", "group role Viestintä Cecilia chair")).toContain(chairOnly("role"));
    expect(await app.say("Ville", "group role Viestintä Anna member")).toContain(chairOnly("role"));
    expect(await app.say("Cecilia", "group add Viestintä Dora chair")).toContain(chairOnly("add"));
    expect(await app.say("Cecilia", "group remove Viestintä Anna")).toContain(chairOnly("remove"));
    // Whoever stands in for the chair is the chair's choice too.
    expect(await app.say("Cecilia", "group deputy Viestintä Pekka Anna")).toContain(chairOnly("deputy"));
    expect(await members()).toBe(before);
    // Nor can another officer take the chair's deputy away, by pairing or by a new role.
    await app.say("Anna", "group deputy Viestintä Pekka Anna");
    const paired = await members();
    expect(await app.say("Cecilia", "group deputy Viestintä Pekka Ben")).toContain(chairOnly("deputy"));
    expect(await app.say("Cecilia", "group role Viestintä Pekka member")).toContain(chairOnly("role"));
    expect(await app.say("Cecilia", "group remove Viestintä Pekka")).toContain(chairOnly("remove"));
    expect(await members()).toBe(paired);

    // Other roles stay every officer's business.
    expect(await app.say("Cecilia", "group role Viestintä Ben secretary")).toContain("rooli työryhmässä *Viestintä* on nyt sihteeri");
    // The chair and an admin may.
    expect(await app.say("Anna", "group role Viestintä Ville chair")).toContain("on nyt puheenjohtaja");
    expect(await app.say("Ylläpitäjä", "group role Viestintä Cecilia chair")).toContain("on nyt puheenjohtaja");
  });

  it("with two chairs, another officer still cannot take one out", async () => {
    await app.say("Anna", "group role Viestintä Ville chair");
    expect(await app.say("Cecilia", "group remove Viestintä Ville")).toContain("Puheenjohtaja: Anna, Ville.");
    expect(await app.say("Cecilia", "group role Viestintä Anna member")).toContain("Puheenjohtaja: Anna, Ville.");
    // A chair may step another chair down, and the last chair guard still holds.
    expect(await app.say("Ville", "group remove Viestintä Anna")).toContain("Anna poistettu työryhmästä *Viestintä*.");
    expect(await app.say("Ylläpitäjä", "group role Viestintä Ville member")).toContain("Ville on työryhmän Viestintä ainoa puheenjohtaja");
    expect(await app.say("Ylläpitäjä", "group remove Viestintä Ville")).toContain("ainoa puheenjohtaja");
  });
});

describe.each(backends)("the last chair on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ backend });
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group add Viestintä Ville chair");
  });
  afterEach(() => app.close());

  // Two chairs stepping each other down at the same moment: each check alone sees another chair left.
  it("survives two chairs stepping each other down at once", async () => {
    for (let round = 0; round < 5; round++) {
      await Promise.all([app.say("Anna", "group role Viestintä Ville member"), app.say("Ville", "group role Viestintä Anna member")]);
      const members = await app.say("Anna", "group members Viestintä");
      expect(members).toContain("(puheenjohtaja)");
      // Back to two chairs for the next round, by whoever is still chair.
      const chair = members.includes("Anna (puheenjohtaja)") ? "Anna" : "Ville";
      await app.say(chair, `group role Viestintä ${chair === "Anna" ? "Ville" : "Anna"} chair`);
    }
  });
});
