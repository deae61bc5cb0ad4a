import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/postgres.ts";
import { defaultGroupRules } from "../../src/core/groups/rules.ts";
import { createTestApp, replyText, type Backend, type TestApp } from "../support/test-app.ts";

// Every rule holds the same on the embedded SQLite file and on the machine's PostgreSQL.
const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];

describe.each(backends)("working groups on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Ylläpitäjä"], backend });
  });
  afterEach(() => app.close());

  const auditCount = async (group: string) => {
    const found = await app.store.uow.read.groups.findByName("console:local", group);
    return found ? (await app.store.uow.read.audit.forGroup(found.id, 1000)).length : 0;
  };

  it("makes the creator chair and records the creation", async () => {
    expect(await app.say("Anna", "group create Viestintä")).toContain("Työryhmä *Viestintä* perustettu");
    expect(await app.say("Anna", "group members Viestintä")).toContain("Anna (puheenjohtaja)");
    expect(await app.say("Anna", "group history Viestintä")).toContain("Anna perusti työryhmän Viestintä");
  });

  it("refuses a duplicate name regardless of case, and changes nothing", async () => {
    await app.say("Anna", "group create Viestintä");
    expect(await app.say("Ben", "group create VIESTINTÄ")).toContain("Työryhmä nimeltä Viestintä on jo olemassa");
    expect(await app.say("Ben", "group list")).toContain("Työryhmät (1)");
    expect(await auditCount("Viestintä")).toBe(1);
  });

  it("refuses a member changing roles and names who may", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group add Viestintä Ben");
    const refusal = await app.say("Ben", "group role Viestintä Ben chair");
    expect(refusal).toContain("Vain työryhmän Viestintä puheenjohtaja, varapuheenjohtaja, sihteeri tai työtilan ylläpitäjä");
    expect(refusal).toContain("Ryhmän puheenjohtajisto: Anna");
    expect(await app.say("Ben", "group members Viestintä")).toContain("Ben (jäsen)");
  });

  it("lets a workspace admin step in for absent officers", async () => {
    await app.say("Anna", "group create Viestintä");
    expect(await app.say("Ylläpitäjä", "group add Viestintä Cecilia secretary")).toContain("Cecilia lisätty");
  });

  it("never leaves a group without a chair", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group add Viestintä Ben");
    expect(await app.say("Anna", "group leave Viestintä")).toContain("Anna on työryhmän Viestintä ainoa puheenjohtaja");
    expect(await app.say("Anna", "group role Viestintä Anna member")).toContain("ainoa puheenjohtaja");
    expect(await app.say("Anna", "group remove Viestintä Anna")).toContain("ainoa puheenjohtaja");
    // With a second chair, the first may step down.
    await app.say("Anna", "group role Viestintä Ben chair");
    expect(await app.say("Anna", "group leave Viestintä")).toContain("Erosit työryhmästä");
    expect(await app.say("Ben", "group members Viestintä")).not.toContain("Anna");
  });

  it("says when the channel linked already carries other groups' announcements", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group create Talous");
    await app.say("Anna", "group create Nuoriso");
    expect(await app.say("Anna", "group link-channel Viestintä #yhteinen")).not.toContain("Samalle kanavalle");
    expect(await app.say("Anna", "group link-channel Talous #yhteinen")).toContain(
      "Samalle kanavalle tulevat myös työryhmien Viestintä ilmoitukset. Oman kanavan voi liittää myöhemmin: /council group link-channel Talous #talous",
    );
    await app.say("Anna", "group archive Viestintä --confirm");
    expect(await app.say("Anna", "group link-channel Nuoriso #yhteinen")).toContain("myös työryhmien Talous ilmoitukset");
    expect(await app.say("Anna", "group link-channel Nuoriso #nuoriso")).not.toContain("Samalle kanavalle");
  });

  it("shows the group's rules with their defaults, and lets only an officer change one, audited and announced", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group add Viestintä Ben");
    await app.say("Anna", "group link-channel Viestintä #viestinta");
    const rules = await app.say("Ben", "group rules Viestintä");
    expect(rules).toContain("Liittyminen* (`joining`): jäseneksi, kun puheenjohtajisto (puheenjohtaja, varapuheenjohtaja tai sihteeri) hyväksyy");
    expect(rules).toContain("kun jäsen on ilmoittanut olevansa estynyt");
    expect(await app.say("Ben", "group rules Viestintä joining open")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Anna", "group rules Viestintä joining sometimes")).toContain('Säännön joining arvo ei voi olla "sometimes". Vaihtoehdot: approval | open');
    expect(await app.say("Anna", "group rules Viestintä joining")).toContain("Vaihtoehdot: approval | open");
    expect(await app.say("Anna", "group rules Viestintä deputies-vote NOT-VOTED")).toContain("jos jäsen ei ole äänestänyt vaalin päättyessä");
    const stored = await app.store.uow.read.groups.findByName("console:local", "Viestintä");
    expect(stored?.rules).toEqual({ ...defaultGroupRules, "deputies-vote": "not-voted" });
    expect(await app.say("Anna", "group history Viestintä")).toContain("Anna muutti sääntöä deputies-vote: prevented → not-voted");
    expect(app.chat.posts.map((p) => replyText(p.reply)).join("\n")).toContain("Työryhmän Viestintä sääntö muuttui: Varajäsenen äänioikeus vaaleissa");
  });

  it("pairs a personal deputy with one member and releases the previous one", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group add Viestintä Maija");
    await app.say("Anna", "group add Viestintä Pekka deputy");
    await app.say("Anna", "group add Viestintä Liisa deputy");
    expect(await app.say("Anna", "group deputy Viestintä Pekka Maija")).toContain("Pekka on nyt henkilön Maija henkilökohtainen varajäsen");
    await app.say("Anna", "group deputy Viestintä Liisa Maija");
    const members = await app.say("Anna", "group members Viestintä");
    expect(members).toContain("Liisa (varajäsen, varalla: Maija)");
    expect(members).toContain("Pekka (varajäsen)");
  });

  it("refuses naming a non-deputy as deputy, with the command that fixes it", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group add Viestintä Maija");
    await app.say("Anna", "group add Viestintä Pekka");
    const before = await auditCount("Viestintä");
    expect(await app.say("Anna", "group deputy Viestintä Pekka Maija")).toContain('/council group role "Viestintä" "Pekka" deputy');
    expect(await auditCount("Viestintä")).toBe(before);
  });

  it("freezes an archived group: confirmation first, then every change refused", async () => {
    await app.say("Anna", "group create Viestintä");
    const question = await app.dispatcher.runLine(app.request("Anna"), "group archive Viestintä");
    const confirm = question.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons : []))[0];
    expect(confirm?.call).toEqual({ command: "group archive", args: { group: "Viestintä" }, confirmed: true });
    expect(await app.say("Anna", "group list")).toContain("Viestintä");
    expect(replyText(await app.dispatcher.run(app.request("Anna"), confirm!.call))).toContain("arkistoitu");
    expect(await app.say("Anna", "group add Viestintä Ben")).toContain("Työryhmä Viestintä on arkistoitu");
    expect(await app.say("Anna", "group rename Viestintä Uusi")).toContain("on arkistoitu");
    expect(await app.say("Anna", "group list")).toContain("Työryhmiä ei vielä ole");
    expect(await app.say("Anna", "group list --all")).toContain("Viestintä (arkistoitu)");
    // Its name stays taken, and the refusal says by what, since the list no longer shows it.
    expect(await app.say("Anna", "group create Viestintä")).toContain("Nimellä Viestintä on arkistoitu työryhmä (näkyy: /council group list --all)");
  });

  it("suggests the group a slip away from a name that names none", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group create Talous");
    expect(await app.say("Anna", "group info Viestntä")).toContain('Työryhmää Viestntä ei löydy. Tarkoititko: "Viestintä"?');
    expect(await app.say("Anna", "group info Kulttuuri")).toContain("Työryhmää Kulttuuri ei löydy. Katso ryhmät: /council group list");
  });

  it("takes a group's name of several words without quotes when it names a group, and asks which when a shorter one does too", async () => {
    await app.say("Anna", "group create Viestintä ja media");
    expect(await app.say("Anna", "group add Viestintä ja media Ben")).toContain("Ben lisätty työryhmään *Viestintä ja media* (jäsen).");
    expect(await app.say("Anna", "group members Viestintä ja media")).toContain("Ben");
    await app.say("Anna", "group create Nuoret");
    await app.say("Anna", "group create Nuoret työ");
    const before = await app.say("Anna", "group list");
    const asked = await app.say("Anna", "group rename Nuoret työ Nuorisotyö");
    expect(asked).toContain('Työryhmiä on sekä nimellä "Nuoret" että "Nuoret työ": kumpaa tarkoitit?');
    expect(await app.say("Anna", "group list")).toBe(before);
    expect(await app.say("Anna", 'group rename "Nuoret työ" Nuorisotyö')).toContain("Nuorisotyö");
    expect(await app.say("Anna", "group rename Nuoret Lapset ja nuoret")).toContain("Lapset ja nuoret");
  });

  it("announces changes in the linked channel, in the council's language", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group rules Viestintä joining open");
    await app.dispatcher.runLine(app.request("Anna", "#viestinta"), "group link-channel Viestintä");
    await app.say("Ben", "group join Viestintä");
    await app.say("Anna", "lang en");
    await app.say("Anna", "group role Viestintä Ben secretary");
    expect(app.chat.textsIn("#viestinta")).toEqual([
      "Tämä kanava on nyt työryhmän Viestintä kanava.",
      "Ben liittyi työryhmään Viestintä.",
      "Ben on nyt työryhmän Viestintä sihteeri.",
    ]);
  });

  it("creates the group's own channel on the platform, invites the members and links it; refuses where it cannot", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group add Viestintä Ben");
    expect(await app.say("Anna", "group create-channel Viestintä")).toContain("Tällä alustalla botti ei voi luoda kanavia");
    const created: { name: string; members: readonly string[] }[] = [];
    Object.assign(app.chat, {
      createChannel: async (name: string, members: readonly string[]) => {
        created.push({ name, members });
        return "#viestinta-kanava";
      },
    });
    expect(await app.say("Ben", "group create-channel Viestintä")).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(created).toEqual([]);
    expect(await app.say("Anna", "group create-channel Viestintä")).toContain("Työryhmälle *Viestintä* luotiin oma kanava");
    expect(created).toEqual([{ name: "Viestintä", members: ["console:anna", "console:ben"] }]);
    await app.say("Ben", "group leave Viestintä");
    expect(app.chat.textsIn("#viestinta-kanava")).toContain("Ben erosi työryhmästä Viestintä.");
  });

  it("answers each person in their own language", async () => {
    await app.say("Anna", "lang en");
    await app.say("Sven", "lang sv");
    expect(await app.say("Anna", "group create Communications")).toContain("Working group *Communications* created");
    await app.say("Anna", "group rules Communications joining open");
    expect(await app.say("Sven", "group join Communications")).toContain("Du gick med i arbetsgruppen *Communications*");
    expect(await app.say("Sven", "group history Communications")).toContain("Anna skapade arbetsgruppen Communications");
  });

  it("shows every change in the history, newest first, with before and after", async () => {
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "group add Viestintä Ben");
    await app.say("Anna", "group role Viestintä Ben secretary");
    await app.say("Anna", "group rename Viestintä Viestintä ja media");
    const history = await app.say("Anna", 'group history "Viestintä ja media"');
    const lines = history.split("\n").filter((l) => l.includes(" · "));
    expect(lines.map((l) => l.split(" · ")[1])).toEqual([
      "Anna muutti nimen Viestintä → Viestintä ja media",
      "Anna muutti henkilön Ben roolin: jäsen → sihteeri",
      "Anna lisäsi henkilön Ben (jäsen)",
      "Anna perusti työryhmän Viestintä",
    ]);
  });

  it.runIf(backend === "sqlite")("gives an unexpected failure a reference and logs it, never a stack trace", async () => {
    // Break the database behind the bot's back: the query fails in a way no refusal covers.
    const raw = new Database(app.store.location);
    raw.exec(`ALTER TABLE "WorkingGroup" RENAME TO "Gone"`);
    raw.close();
    const reply = await app.say("Anna", "group list");
    expect(reply).toMatch(/viite [0-9a-f]{8}/);
    expect(reply).not.toMatch(/at .*\.ts:\d+/);
    expect(app.errors).toHaveLength(1);
  });
});
