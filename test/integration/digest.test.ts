import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { consoleWorkspace } from "../../adapters/console/directory.ts";
import { toHtml } from "../../src/core/digest/export.ts";
import type { DigestSource } from "../../src/core/digest/source.ts";
import { createTestApp, replyText, type TestApp } from "../support/test-app.ts";

let app: TestApp;
afterEach(async () => app?.close());

const channelPosts = (channel: string) => app.chat.posts.filter((p) => p.channelId === channel).map((p) => replyText(p.reply));

// Groups get their createdAt from the database, so the test clock starts at the real time.
async function setup() {
  app = await createTestApp({ start: new Date() });
  await app.say("Anna", "group create Viestintä");
  await app.say("Anna", "group link-channel Viestintä #viestinta");
  await app.say("Anna", "group add Viestintä Ben");
}

describe("news items", () => {
  it("are added, listed, edited and removed before publication; bad input stores nothing", async () => {
    await setup();
    expect(await app.say("Ben", "news add Viestintä Foorumi 2027 -- Ilmoittautuminen on auki. https://example.fi/f")).toContain("Foorumi 2027");
    expect(await app.say("Ben", "news add Viestintä Pelkkä otsikko")).toContain("kahdella viivalla");
    expect(await app.say("Ben", "news add Viestintä -- Pelkkä teksti")).toContain("Uutiselta puuttuu otsikko: kirjoita se ennen kahta viivaa.");
    expect(await app.say("Ben", "news add Tuntematon Otsikko -- Teksti")).toContain("Työryhmää Tuntematon ei löydy");
    expect(await app.say("Cecilia", "news add Viestintä Otsikko -- Teksti")).toContain("Vain työryhmän Viestintä jäsenet");
    const list = await app.say("Ben", "news list");
    const id = /`(n[a-z0-9]+)`/.exec(list)?.[1] ?? "";
    expect(list).toContain("Julkaisemattomat uutiset (1)");
    expect(await app.say("Cecilia", `news edit ${id} Kaapattu -- Ei`)).toContain("Vain työryhmän Viestintä puheenjohtaja");
    expect(await app.say("Ben", `news edit ${id} Foorumi 2027 -- Ilmoittautuminen jatkuu. https://example.fi/f2`)).toContain("päivitetty");
    await app.say("Ben", "news add - Toinen -- Koko verkoston uutinen");
    const second = [...(await app.say("Ben", "news list")).matchAll(/`(n[a-z0-9]+)`/g)].map((m) => m[1]).find((x) => x !== id);
    expect(await app.say("Ben", `news remove ${second} --confirm`)).toContain("poistettu");
    expect(await app.say("Ben", "news list")).toContain("(1)");
  });

  it("can be made from a chat message (the 'add to newsletter' message action)", async () => {
    await setup();
    const inv = await app.invocation("Ben");
    const item = await app.services.digest.addNewsFromMessage(inv, "Syyskokous pidettiin\nPäätimme uudesta strategiasta.", "https://chat.example/m/1");
    expect(item).toMatchObject({ title: "Syyskokous pidettiin", body: "Päätimme uudesta strategiasta.", link: "https://chat.example/m/1", groupId: null });
  });
});

describe("the digest", () => {
  it("runs from a day read as other dates are, looking back for one without a year, and refuses one still ahead", async () => {
    await setup();
    const day = (offset: number, format: string) => DateTime.fromJSDate(app.clock.now(), { zone: "Europe/Helsinki" }).plus({ days: offset }).toFormat(format);
    const preview = async (since: string) => replyText(await app.dispatcher.runLine(app.request("Ben"), `digest preview ${since}`));
    expect(await preview(day(-3, "dd/MM/yyyy"))).toContain(day(-3, "d.M.yyyy"));
    expect(await preview(day(-3, "d.M."))).toContain(day(-3, "d.M.yyyy"));
    expect(await preview(day(3, "d.M.yyyy"))).toContain(`Päivä ${day(3, "d.M.yyyy")} on vasta tulossa`);
  });

  it("is previewed only to you, published to a channel with files, and never repeats an item", async () => {
    await setup();
    await app.say("Ben", "news add Viestintä Foorumi 2027 -- Ilmoittautuminen on auki. https://example.fi/f");
    app.clock.advance(60_000);
    const preview = await app.dispatcher.runLine(app.request("Ben"), "digest preview");
    expect(preview.visibility).toBe("only-you");
    const text = replyText(preview);
    expect(text).toContain("Uutiset");
    expect(text).toContain("Foorumi 2027 (Viestintä)");
    expect(text).toContain("Työryhmät");
    expect(text).toContain("Uusi työryhmä: Viestintä");
    expect(app.chat.posts.filter((p) => p.channelId === "#tiedotteet")).toEqual([]);

    expect(await app.say("Ben", "digest publish #tiedotteet")).toContain("Vain työryhmien puheenjohtajat");
    const published = await app.dispatcher.runLine(app.request("Anna"), "digest publish #tiedotteet");
    expect(replyText(published)).toContain("Kooste julkaistu kanavalle #tiedotteet (2 asiaa)");
    expect(published.attachments?.map((a) => a.mimeType)).toEqual(["text/markdown", "text/html"]);
    expect(channelPosts("#tiedotteet")).toHaveLength(1);
    expect(channelPosts("#tiedotteet")[0]).toContain("Foorumi 2027");

    // Already published: not again. A new item appears alone.
    expect(await app.say("Anna", "digest publish #tiedotteet")).toContain("ei ole uutta");
    expect(await app.say("Ben", "news list")).toContain("Ei julkaisemattomia uutisia");
    await app.say("Ben", "news add - Joulutauko -- Toimisto on kiinni 21.12.–6.1.");
    app.clock.advance(60_000);
    const next = replyText(await app.dispatcher.runLine(app.request("Ben"), "digest preview"));
    expect(next).toContain("Joulutauko");
    expect(next).not.toContain("Foorumi 2027");
    expect(next).not.toContain("Uusi työryhmä");
    // Published news can no longer be edited.
    const [first] = await app.store.uow.read.digest.listNews(consoleWorkspace);
    expect(await app.say("Ben", `news edit ${first?.id} Uusi -- Teksti`)).toContain("on jo julkaistu");
  });

  it("is published by an officer of any group still running, however many groups they are only a member of", async () => {
    await setup();
    for (const name of ["Talous", "Alue", "Nuoriso"]) {
      await app.say("Anna", `group create ${name}`);
      await app.say("Anna", `group add ${name} Ben`);
    }
    await app.say("Ben", "news add Viestintä Foorumi 2027 -- Ilmoittautuminen on auki.");
    app.clock.advance(60_000);
    expect(await app.say("Ben", "digest publish #tiedotteet")).toContain("Vain työryhmien puheenjohtajat");
    expect(await app.say("Anna", "group role Nuoriso Ben sihteeri")).toContain("sihteeri");
    expect(await app.say("Anna", "group archive Nuoriso --confirm")).toContain("arkistoitu");
    // Secretary of an archived group only: still a member elsewhere, not an editor.
    expect(await app.say("Ben", "digest publish #tiedotteet")).toContain("Vain työryhmien puheenjohtajat");
    expect(channelPosts("#tiedotteet")).toEqual([]);
    await app.say("Anna", "group role Alue Ben varapuheenjohtaja");
    expect(await app.say("Ben", "digest publish #tiedotteet")).toContain("Kooste julkaistu kanavalle #tiedotteet");
  });

  it("publishes itself on its schedule, once, even with two ticks at the same moment", async () => {
    await setup();
    expect(await app.say("Ben", "digest schedule weekly #tiedotteet perjantai 14:00")).toContain("Vain");
    expect(await app.say("Anna", "digest schedule weekly #tiedotteet ensi viikolla")).toContain("En ymmärrä");
    expect(await app.say("Anna", "digest schedule weekly Tuntematon")).toContain("En tunne kanavaa");
    const reply = await app.say("Anna", "digest schedule weekly #tiedotteet perjantai 14:00");
    expect(reply).toContain("viikoittain");
    expect(reply).toMatch(/pe \d+\.\d+\.\d{4} klo 14\.00/);
    await app.say("Ben", "news add - Perjantain uutinen -- Teksti");
    const due = (await app.store.uow.read.digest.schedule(consoleWorkspace))?.nextDueAt ?? new Date(0);
    app.clock.set(new Date(due.getTime() + 30_000));
    await Promise.all([app.services.digest.publishDueDigests(app.clock.now()), app.services.digest.publishDueDigests(app.clock.now())]);
    expect(channelPosts("#tiedotteet")).toHaveLength(1);
    // Next Friday: nothing new, nothing posted.
    app.clock.set(new Date(due.getTime() + 7 * 24 * 3_600_000 + 30_000));
    await app.services.digest.publishDueDigests(app.clock.now());
    expect(channelPosts("#tiedotteet")).toHaveLength(1);
  });

  it("shows in the preview when it goes out by itself, and stops when an editor stops it, to start again on the next schedule", async () => {
    await setup();
    expect(await app.say("Anna", "digest preview")).toContain("Koostetta ei julkaista automaattisesti. Ajasta: /council digest schedule weekly");
    expect(await app.say("Anna", "digest unschedule")).toContain("Koostetta ei ole ajastettu, joten lopetettavaa ei ole");
    await app.say("Anna", "digest schedule weekly #tiedotteet perjantai 14:00");
    expect(await app.say("Ben", "digest preview")).toMatch(/Kooste julkaistaan automaattisesti viikoittain kanavalle #tiedotteet; seuraavaksi pe \d+\.\d+\.\d{4} klo 14\.00\. Lopeta: \/council digest unschedule/);
    expect(await app.say("Ben", "digest unschedule")).toContain("Vain työryhmien puheenjohtajat");
    expect(await app.say("Anna", "digest unschedule")).toContain("Koostetta ei enää julkaista automaattisesti (viikoittain kanavalle #tiedotteet)");
    expect(await app.say("Anna", "digest preview")).toContain("Koostetta ei julkaista automaattisesti");
    // Its Friday passes with news waiting: nothing is posted.
    await app.say("Ben", "news add - Perjantain uutinen -- Teksti");
    app.clock.advance(8 * 24 * 3_600_000);
    await app.services.digest.publishDueDigests(app.clock.now());
    expect(channelPosts("#tiedotteet")).toEqual([]);
    // Scheduled again, it goes out on its next Friday.
    await app.say("Anna", "digest schedule weekly #tiedotteet perjantai 14:00");
    const due = (await app.store.uow.read.digest.schedule(consoleWorkspace))?.nextDueAt ?? new Date(0);
    app.clock.set(new Date(due.getTime() + 30_000));
    await app.services.digest.publishDueDigests(app.clock.now());
    expect(channelPosts("#tiedotteet")).toHaveLength(1);
  });

  it("exports well-formed, escaped HTML and Markdown", async () => {
    await setup();
    await app.say("Ben", 'news add - <b>Hack</b> & "quotes" -- <script>alert(1)</script>');
    const reply = await app.dispatcher.runLine(app.request("Ben"), "digest export");
    const html = reply.attachments?.find((a) => a.mimeType === "text/html")?.content ?? "";
    expect(html).toContain("&lt;b&gt;Hack&lt;/b&gt; &amp; &quot;quotes&quot;");
    expect(html).not.toMatch(/<script|<b>/);
    const md = reply.attachments?.find((a) => a.mimeType === "text/markdown")?.content ?? "";
    expect(md).toContain("\\<b\\>Hack\\</b\\>");
  });

  it("takes sections from every registered source (the port other areas implement)", async () => {
    await setup();
    const meetings: DigestSource = {
      id: "meetings",
      async sections(_stores, period) {
        return [{ id: "meetings", title: period.locale === "fi" ? "Tulevat kokoukset" : "Meetings", entries: [{ key: "meeting:m1", title: "Syyskokous 8.12." }] }];
      },
    };
    app.clock.advance(60_000);
    const digest = await app.services.digest.compose(app.store.uow.read, {
      workspaceId: consoleWorkspace,
      from: new Date(Date.now() - 24 * 3_600_000),
      to: app.clock.now(),
      timeZone: "Europe/Helsinki",
      locale: "fi",
    });
    expect(digest.sections.map((s) => s.id)).toEqual(["groups"]);
    expect(meetings.id).toBe("meetings");
    expect(toHtml({ ...digest, sections: [...digest.sections, ...(await meetings.sections(app.store.uow.read, digest.period))] })).toContain(
      "Tulevat kokoukset",
    );
  });
});

describe("the digest's meetings, decisions and election results", () => {
  it("gathers upcoming meetings with their agenda, decisions from the minutes, and election outcomes", async () => {
    await setup();
    await app.say("Anna", "meeting schedule Viestintä 3.12.2030 klo 14 Maakuntasali");
    await app.say("Ben", "agenda add Viestintä Uutiskirjeen aikataulu");
    await app.say("Anna", "meeting open Viestintä --confirm");
    await app.say("Anna", "agenda decide Viestintä 5 Numerot ilmestyvät maaliskuussa.");
    await app.say("Anna", "meeting close Viestintä --confirm");
    await app.say("Anna", "meeting schedule Viestintä 14.1.2031 klo 17 Etänä");
    await app.say("Anna", "agenda publish Viestintä");
    const created = await app.say("Anna", "election create Viestintä 1 yes-no Hyväksytäänkö viestintäsuunnitelma");
    const id = /`(e[a-z0-9]+)`/.exec(created)?.[1];
    await app.say("Anna", `election open ${id} --confirm`);
    await app.say("Anna", `election vote ${id} kyllä --confirm`);
    await app.say("Ben", `election vote ${id} kyllä --confirm`);
    await app.say("Anna", `election close ${id} --confirm`);
    app.clock.advance(60_000);

    const text = replyText(await app.dispatcher.runLine(app.request("Ben"), "digest preview"));
    expect(text).toContain("Tulevat kokoukset");
    expect(text).toContain("Viestintä: kokous 2: ti 14.1.2031 klo 17.00, Etänä");
    expect(text).toContain("Esityslista: 1. Kokouksen avaus;");
    expect(text).toContain("Päätökset");
    expect(text).toContain("Viestintä: kokous 1: Uutiskirjeen aikataulu");
    expect(text).toContain("Numerot ilmestyvät maaliskuussa.");
    expect(text).toContain("Vaalitulokset");
    expect(text).toContain("Hyväksytäänkö viestintäsuunnitelma (Viestintä)");
  });
});
