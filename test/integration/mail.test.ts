import ical, { type VEvent } from "node-ical";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMailAdapter, type MailAdapter } from "../../adapters/mail/index.ts";
import { startWeb, type WebServer } from "../../adapters/web/server.ts";
import { startSmtpInbox, type ReceivedMail } from "../support/smtp-inbox.ts";
import { createTestApp, replyText, silentLogger, type TestApp } from "../support/test-app.ts";

/** The one VEVENT of an invitation, and the calendar's METHOD. */
function invitation(mail: ReceivedMail) {
  const ics = mail.part("text/calendar");
  expect(ics).toBeDefined();
  const parsed = ical.sync.parseICS(ics!);
  const events = Object.values(parsed).filter((c): c is VEvent => c?.type === "VEVENT");
  expect(events).toHaveLength(1);
  return { ics: ics!, event: events[0]!, method: /^METHOD:(\w+)/m.exec(ics!)?.[1] };
}

describe("e-mail through a local SMTP server", () => {
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  let mail: MailAdapter;
  let app: TestApp;
  let web: WebServer;

  beforeEach(async () => {
    inbox = await startSmtpInbox();
    mail = createMailAdapter({ url: inbox.url, from: "Järjestöneuvosto <botti@example.fi>", locale: "fi" });
    let webUrl: string | null = null;
    app = await createTestApp({ mail, publicUrl: () => webUrl, start: new Date("2026-11-28T10:00:00Z") });
    web = await startWeb({ app, logger: silentLogger, port: 0, host: "127.0.0.1", databaseReady: () => app.store.ping() });
    webUrl = web.url;
    await app.say("Anna", "group create Viestintä");
    await app.dispatcher.runLine(app.request("Anna", "#viestinta"), "group link-channel Viestintä");
    await app.say("Anna", "group add Viestintä Maija");
  });
  afterEach(async () => {
    await web.close();
    await app.services.outbox.stop();
    mail.close();
    await inbox.close();
    await app.close();
  });

  /** Maija gives her address, gets the code by mail, and confirms it. */
  async function confirmMaija(): Promise<void> {
    expect(await app.say("Maija", "profile set email maija@example.fi")).toContain("Lähetimme vahvistuskoodin osoitteeseen maija@example.fi");
    const confirmation = await inbox.next("maija@example.fi", (m) => m.headers.subject === "Vahvista sähköpostiosoitteesi");
    const code = /profile verify (\d{6})/.exec(confirmation.part("text/plain") ?? "")?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(await app.say("Maija", "profile verify 000000".replace("000000", code === "000000" ? "111111" : "000000"))).toContain("Koodi ei täsmää");
    expect(await app.say("Maija", `profile verify ${code}`)).toContain("Sähköpostiosoite maija@example.fi on vahvistettu");
  }

  it("mails a confirmed member the meeting notice with its invitation, the same entry moved and cancelled, and the minutes", async () => {
    // No address is used before it is confirmed: the notice of meeting 1 reaches only the channel.
    expect(await app.say("Maija", "profile set email ei-osoite")).toContain("ei ole sähköpostiosoite");
    await confirmMaija();

    await app.say("Anna", "meeting schedule Viestintä 10.12.2026 klo 14 https://meet.example.fi/viestinta");
    await app.say("Anna", "agenda publish Viestintä");
    const notice = await inbox.next("maija@example.fi", (m) => m.part("text/calendar") !== undefined);
    expect(notice.headers.subject).toContain("[Viestintä]");
    expect(notice.part("text/plain")).toContain("Kokouksen avaus");
    expect(notice.part("text/html")).toContain("<h2>");
    const first = invitation(notice);
    expect(first.method).toBe("REQUEST");
    expect(first.ics).toContain("BEGIN:VTIMEZONE");
    expect(first.ics).toContain("TZID:Europe/Helsinki");
    expect(first.ics).toMatch(/DTSTART;TZID=Europe\/Helsinki:20261210T140000/);
    expect(first.event.description).toContain("https://meet.example.fi/viestinta");
    expect(first.event.start.toISOString()).toBe("2026-12-10T12:00:00.000Z");

    // Moved: the same calendar entry (UID) with a higher SEQUENCE, at the new time.
    await app.say("Anna", "meeting reschedule Viestintä 1 11.12.2026 klo 10");
    const moved = invitation(await inbox.next("maija@example.fi", (m) => m !== notice && m.part("text/calendar") !== undefined));
    expect(moved.event.uid).toBe(first.event.uid);
    expect(moved.event.sequence).toBeGreaterThan(first.event.sequence ?? 0);
    expect(moved.event.start.toISOString()).toBe("2026-12-11T08:00:00.000Z");

    // The group's feed (the link `group calendar` tells a member) shows the same entry as it is now.
    const told = await app.say("Maija", "group calendar Viestintä");
    const url = /(http:\/\/\S+\.ics\?token=\S+)/.exec(told)?.[1];
    expect(url).toBeDefined();
    const feed = await fetch(url!);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const feedEvents = Object.values(ical.sync.parseICS(await feed.text())).filter((c): c is VEvent => c?.type === "VEVENT");
    expect(feedEvents.map((e) => [e.uid, e.sequence])).toEqual([[first.event.uid, moved.event.sequence]]);
    expect((await fetch(url!.replace(/token=\S+/, "token=arvattu"))).status).toBe(404);

    await app.say("Anna", "meeting cancel Viestintä 1 --confirm");
    const cancelled = invitation(await inbox.next("maija@example.fi", (m) => /METHOD:CANCEL/.test(m.part("text/calendar") ?? "")));
    expect(cancelled.event.uid).toBe(first.event.uid);
    expect(cancelled.event.status).toBe("CANCELLED");
    expect(cancelled.event.sequence).toBeGreaterThan(moved.event.sequence ?? 0);

    // Meeting 2 is held: the minutes come by mail as a file.
    await app.say("Anna", "meeting schedule Viestintä 12.12.2026 klo 14 Maakuntasali");
    await app.say("Anna", "agenda publish Viestintä");
    await app.say("Anna", "meeting open Viestintä --confirm");
    await app.say("Anna", "meeting close Viestintä --confirm");
    const minutes = await inbox.next("maija@example.fi", (m) => m.leaves.some((l) => /viestintä-2\.md|viestint%C3%A4-2\.md|filename\*/i.test(l.headers["content-disposition"] ?? "")));
    expect(minutes.leaves.some((l) => l.body.includes("# Pöytäkirja: Viestintä, kokous 2"))).toBe(true);
  });

  it("keeps a mail the server refused and sends it on a later pass, without holding up the command", async () => {
    await confirmMaija();
    await app.say("Anna", "meeting schedule Viestintä 10.12.2026 klo 14 Maakuntasali");
    // The send queue tries three times at once; all three refused, the outbox keeps it for later.
    inbox.failNext(3);
    expect(await app.say("Anna", "agenda publish Viestintä")).toContain("julkaistu");
    expect(app.chat.textsIn("#viestinta").join("\n")).toContain("Esityslista: Viestintä, kokous 1");
    // The refused mail waits in the outbox for its retry.
    await app.services.outbox.stop();
    const waiting = (await app.store.uow.read.outbox.recent(20)).filter((m) => m.target.kind === "email" && m.sentAt === null);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.lastError).not.toBeNull();
    app.clock.advance(60_000);
    await app.services.outbox.drain();
    const notice = await inbox.next("maija@example.fi", (m) => m.part("text/calendar") !== undefined);
    expect(notice.headers["message-id"]).toContain(waiting[0]!.id);
  });

  it("mails the newsletter to subscribers with both unsubscribe headers, and its link unsubscribes", async () => {
    expect(await app.say("Maija", "newsletter subscribe lukija@example.fi")).toContain("lukija@example.fi tilaa nyt uutiskirjeen");
    await app.say("Anna", "news add - Foorumi 2027 -- Ilmoittautuminen on auki. https://example.fi/f");
    app.clock.advance(60_000);
    expect(replyText(await app.dispatcher.runLine(app.request("Anna"), "digest publish #tiedotteet"))).toContain("Kooste julkaistu");
    const letter = await inbox.next("lukija@example.fi");
    expect(letter.part("text/plain")).toContain("Foorumi 2027");
    const unsubscribe = /<(http[^>]+)>/.exec(letter.headers["list-unsubscribe"] ?? "")?.[1];
    expect(unsubscribe).toContain("/newsletter/unsubscribe?token=");
    expect(letter.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(letter.part("text/plain")).toContain(unsubscribe);

    // Following the link only asks; the mail client's one-click POST unsubscribes.
    const asked = await fetch(unsubscribe!);
    expect(await asked.text()).toContain("Perutaanko uutiskirjeen tilaus osoitteelle lukija@example.fi?");
    const done = await fetch(unsubscribe!, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Tilaus on peruttu");
    expect(await app.say("Maija", "newsletter unsubscribe lukija@example.fi")).toContain("ei tilaa uutiskirjettä");

    // The next newsletter does not go to the address; the archive and the feed have both.
    await app.say("Anna", "news add - Joulutauko -- Toimisto on kiinni 21.12.–6.1.");
    app.clock.advance(60_000);
    await app.dispatcher.runLine(app.request("Anna"), "digest publish #tiedotteet");
    await app.services.outbox.stop();
    expect(inbox.mails.filter((m) => m.to.includes("lukija@example.fi"))).toHaveLength(1);
    const archive = await (await fetch(`${web.url}/newsletter/`)).text();
    expect(archive.match(/<li>/g)).toHaveLength(2);
    const atom = await fetch(`${web.url}/newsletter/feed.atom`);
    expect(atom.headers.get("content-type")).toContain("application/atom+xml");
    const feed = await atom.text();
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect(feed).toContain("Joulutauko");
    const firstIssue = /<link rel="alternate" type="text\/html" href="([^"]+\/newsletter\/[^"]+)"\/><content/.exec(feed)?.[1];
    expect(await (await fetch(firstIssue!)).text()).toContain("<!DOCTYPE html>");
  });
});
