import { afterEach, describe, expect, it } from "vitest";
import { consoleIdentity } from "../../adapters/console/directory.ts";
import { cancelForEvent, meetingReminders, rescheduleForEvent, scheduleForEvent } from "../../src/core/reminders/events.ts";
import { createServices } from "../../src/core/services.ts";
import type { ChatPort } from "../../src/core/shared/chat.ts";
import { ChatRateLimited } from "../../src/core/shared/chat-errors.ts";
import { manualClock } from "../../src/core/shared/clock.ts";
import { msg } from "../../src/i18n/translate.ts";
import { openStore, type Store } from "../../src/store/open-store.ts";
import { recordingChat } from "../support/recording-chat.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, replyText, silentLogger, type Backend, type TestApp } from "../support/test-app.ts";
import { testBallotSecret } from "../support/ballot-secret.ts";

// Exactly-once holds on SQLite (two connections to one file) and on PostgreSQL (two pools).
const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];

const channel = "#viestinta";
const minute = 60_000;
const hour = 60 * minute;
let app: TestApp;
const extra: Store[] = [];

async function setup(start: string, backend: Backend = "sqlite") {
  app = await createTestApp({ start: new Date(start), backend });
  await app.say("Anna", "group create Viestintä");
  await app.say("Anna", `group link-channel Viestintä ${channel}`);
  return app;
}
const tick = () => app.services.reminderDispatch.sendDueReminders(app.clock.now());
const posted = () => app.chat.textsIn(channel).filter((t) => t.startsWith("🔔"));

afterEach(async () => {
  for (const s of extra.splice(0)) await s.close();
  await app?.close();
});

describe("scheduled reminders", () => {
  it("a weekly 9:00 Helsinki reminder arrives at 9:00 local time on both sides of the March and October changes", async () => {
    await setup("2026-03-20T10:00:00Z");
    expect(await app.say("Anna", "remind add Viestintä joka maanantai 9:00 Viikkopalaveri")).toContain("0 9 * * 1");
    const at = async (iso: string) => {
      app.clock.set(new Date(iso));
      await tick();
      return posted().length;
    };
    expect(await at("2026-03-23T06:59:00Z")).toBe(0);
    expect(await at("2026-03-23T07:00:00Z")).toBe(1); // 9:00 EET
    expect(await at("2026-03-30T05:59:30Z")).toBe(1);
    expect(await at("2026-03-30T06:00:00Z")).toBe(2); // 9:00 EEST
    // Jump to October: the missed spring and summer Mondays are old, so they are skipped, not sent.
    app.clock.set(new Date("2026-10-19T05:00:00Z"));
    await tick();
    expect(posted().length).toBe(2);
    expect(await at("2026-10-19T06:00:00Z")).toBe(3); // 9:00 EEST
    expect(await at("2026-10-26T06:00:00Z")).toBe(3); // 8:00 EET: not yet
    expect(await at("2026-10-26T07:00:00Z")).toBe(4); // 9:00 EET
    expect(posted().every((t) => t === "🔔 Viikkopalaveri")).toBe(true);
  });

  it("after downtime a due reminder is sent once, marked late; one older than the limit is skipped and logged", async () => {
    await setup("2026-11-28T10:00:00Z");
    const warnings: object[] = [];
    await app.say("Anna", "remind add Viestintä 28.11.2026 13:00 Myöhässä mutta lähtee");
    await app.say("Anna", "remind add Viestintä 29.11.2026 9:00 Liian vanha");
    // Down from before 13:00 (Helsinki) until 3 h later.
    app.clock.set(new Date("2026-11-28T14:00:00Z"));
    await tick();
    await tick();
    expect(posted()).toEqual(["🔔 (myöhässä) Myöhässä mutta lähtee"]);
    // The second one fell due at 9:00 the next day; the bot comes back 25 h later.
    app.clock.set(new Date("2026-11-30T08:00:00Z"));
    const dispatch = createServices({
      uow: app.store.uow,
      clock: app.clock,
      chat: app.chat,
      channelLocale: "fi",
      ballotSecret: testBallotSecret,
      logger: { ...silentLogger, warn: (fields: object) => void warnings.push(fields) },
    }).reminderDispatch;
    const result = await dispatch.sendDueReminders(app.clock.now());
    expect(result).toMatchObject({ sent: 0, skipped: 1 });
    expect(posted()).toHaveLength(1);
    expect(warnings).toEqual([expect.objectContaining({ reminderId: expect.any(String) })]);
  });

  it("a recurring reminder missed several times is sent once, late, not once per missed time", async () => {
    await setup("2026-11-28T10:00:00Z");
    await app.say("Anna", "remind add Viestintä joka päivä 8:00 Päivän muistutus");
    app.clock.set(new Date("2026-11-29T05:00:00Z")); // 7:00 Helsinki: not yet
    await tick();
    // Down for three days; back at 10:00 on 2.12.
    app.clock.set(new Date("2026-12-02T08:00:00Z"));
    await tick();
    await tick();
    expect(posted()).toEqual(["🔔 (myöhässä) Päivän muistutus"]);
    app.clock.set(new Date("2026-12-03T06:00:00Z"));
    await tick();
    expect(posted()).toEqual(["🔔 (myöhässä) Päivän muistutus", "🔔 Päivän muistutus"]);
  });

  it.each(backends)("two bot processes on one %s database send every occurrence exactly once", async (backend) => {
    await setup("2026-11-28T10:00:00Z", backend);
    const group = (await app.services.groups.info(await app.invocation("Anna"), "Viestintä")).group;
    await app.say("Anna", '"remind add" Viestintä "*/10 * * * *" Kymmenen minuutin välein'.replace('"remind add"', "remind add"));
    await app.say("Anna", "remind add Viestintä joka päivä 12:15 Lounas");
    const base = app.clock.now().getTime();
    await app.store.uow.run((stores) =>
      scheduleForEvent(stores, app.clock, {
        eventKey: "test:burst",
        workspaceId: group.workspaceId,
        groupId: group.id,
        reminders: Array.from({ length: 60 }, (_, i) => ({
          dueAt: new Date(base + (i % 12) * 5 * minute + 1000),
          messageKey: "reminders.event.meeting-in-1-hour",
          params: { meeting: `Kokous ${i}`, when: "—" },
        })),
      }),
    );
    // A second process: its own connection to the same database and its own chat port.
    const second = await app.openSecondStore();
    extra.push(second);
    const chatB = recordingChat();
    const coreB = createServices({ uow: second.uow, clock: app.clock, chat: chatB, channelLocale: "fi", logger: silentLogger, ballotSecret: testBallotSecret });
    for (let step = 1; step <= 14; step += 1) {
      app.clock.set(new Date(base + step * 5 * minute));
      const now = app.clock.now();
      await Promise.all([
        app.services.reminderDispatch.sendDueReminders(now),
        coreB.reminderDispatch.sendDueReminders(now),
        app.services.reminderDispatch.sendDueReminders(now),
        coreB.reminderDispatch.sendDueReminders(now),
      ]);
    }
    const all = [...app.chat.posts, ...chatB.posts].map((p) => replyText(p.reply));
    const events = all.filter((t) => t.includes("Kokous "));
    expect(events).toHaveLength(60);
    expect(new Set(events).size).toBe(60);
    // 70 minutes from 12:00 Helsinki: */10 fires at 12:10 … 13:10 (7 times), the daily one at 12:15 once.
    expect(all.filter((t) => t.includes("Kymmenen minuutin välein"))).toHaveLength(7);
    expect(all.filter((t) => t.includes("Lounas"))).toHaveLength(1);
    // Which process sent what is up to the race; together they sent each occurrence once.
    expect(app.chat.posts.length + chatB.posts.length).toBe(all.length);
  });

  it("a rate-limited channel delays the post; a failing one is recorded once and its post retried later from the outbox", async () => {
    await setup("2026-11-28T10:00:00Z");
    await app.say("Anna", "remind add Viestintä 28.11.2026 12:30 Rajoitettu");
    const waits: number[] = [];
    let limited = 2;
    let failing = true;
    const sent: string[] = [];
    const chat: ChatPort = {
      async post(_channel, reply) {
        if (limited > 0) {
          limited -= 1;
          throw new ChatRateLimited(2000);
        }
        if (failing) throw new Error("503 from platform");
        sent.push(replyText(reply));
      },
      async directMessage() {},
    };
    const errors: object[] = [];
    const core = createServices({
      uow: app.store.uow,
      clock: app.clock,
      chat,
      channelLocale: "fi",
      ballotSecret: testBallotSecret,
      logger: { ...silentLogger, warn: (f: object) => void errors.push(f) },
      sleep: async (ms) => void waits.push(ms),
    });
    failing = false;
    app.clock.set(new Date("2026-11-28T10:30:00Z"));
    expect(await core.reminderDispatch.sendDueReminders(app.clock.now())).toMatchObject({ sent: 1 });
    expect(waits).toEqual([2000, 2000]);
    expect(sent).toEqual(["🔔 Rajoitettu"]);

    await app.say("Anna", "remind add Viestintä 28.11.2026 13:00 Katkos");
    failing = true;
    app.clock.set(new Date("2026-11-28T11:00:00Z"));
    // The occurrence is recorded with its post in the outbox; the post itself failed and waits.
    expect(await core.reminderDispatch.sendDueReminders(app.clock.now())).toMatchObject({ sent: 1, retrying: 0 });
    expect(sent).toEqual(["🔔 Rajoitettu"]);
    expect(errors).toEqual([expect.objectContaining({ outboxId: expect.any(String), cause: expect.stringMatching(/^reminder:/) })]);
    // Not yet time for the next attempt, and the occurrence is not made again.
    expect(await core.outbox.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await core.reminderDispatch.sendDueReminders(app.clock.now())).toMatchObject({ sent: 0 });
    failing = false;
    app.clock.advance(2 * minute);
    expect(await core.outbox.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sent).toEqual(["🔔 Rajoitettu", "🔔 Katkos"]);
    expect(await core.outbox.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });
});

describe("event-tied reminders", () => {
  it("are scheduled, moved and cancelled inside the caller's unit of work", async () => {
    await setup("2026-11-28T10:00:00Z");
    const group = (await app.services.groups.info(await app.invocation("Anna"), "Viestintä")).group;
    const meeting = (startsAt: string) => ({
      eventKey: "meeting:m1",
      workspaceId: group.workspaceId,
      groupId: group.id,
      reminders: meetingReminders({ title: "Syyskokous", startsAt: new Date(startsAt), agendaDeadline: new Date("2026-12-01T10:00:00Z") }),
    });
    // A failing caller rolls its reminders back with its own change.
    await expect(
      app.store.uow.run(async (stores) => {
        await scheduleForEvent(stores, app.clock, meeting("2026-12-08T15:00:00Z"));
        throw new Error("the meeting could not be saved");
      }),
    ).rejects.toThrow();
    expect(await app.store.uow.read.reminders.forEvent("meeting:m1")).toEqual([]);

    expect(await app.store.uow.run((s) => scheduleForEvent(s, app.clock, meeting("2026-12-08T15:00:00Z")))).toBe(3);
    expect(await app.store.uow.run((s) => rescheduleForEvent(s, app.clock, meeting("2026-12-10T15:00:00Z")))).toBe(3);
    const due = (await app.store.uow.read.reminders.forEvent("meeting:m1")).map((r) => r.nextDueAt?.toISOString());
    expect(due).toEqual(["2026-12-01T10:00:00.000Z", "2026-12-08T15:00:00.000Z", "2026-12-10T14:00:00.000Z"]);

    app.clock.set(new Date("2026-12-01T10:00:20Z"));
    await tick();
    app.clock.set(new Date("2026-12-08T15:00:00Z"));
    await tick();
    expect(posted()).toEqual([
      "🔔 Kokouksen Syyskokous (to 10.12.2026 klo 17.00) esityslistaehdotusten määräaika on nyt.",
      "🔔 Muistutus: kokous Syyskokous ylihuomenna to 10.12.2026 klo 17.00.",
    ]);
    expect(await app.store.uow.run((s) => cancelForEvent(s, "meeting:m1"))).toBe(3);
    app.clock.set(new Date("2026-12-10T14:00:00Z"));
    await tick();
    expect(posted()).toHaveLength(2);
  });
});

describe("nudges", () => {
  it("go by direct message to exactly the people given, each in their language, naming nobody else", async () => {
    await setup("2026-11-28T10:00:00Z");
    const [ben, cecilia] = await Promise.all(["Ben", "Cecilia"].map((n) => app.services.people.ensure(consoleIdentity(n))));
    await app.say("Cecilia", "lang sv");
    const cecil = await app.services.people.ensure(consoleIdentity("Cecilia"));
    const result = await app.services.reminders.nudge([ben!, cecil], msg("reminders.nudge.vote", { election: "Edustajat 2027", when: "5.12. klo 12", id: "e7k2m9q" }));
    expect(result).toEqual({ sent: 2, failed: 0 });
    expect(app.chat.directs.map((d) => [d.externalId, replyText(d.reply)])).toEqual([
      [ben!.externalId, "Et ole vielä äänestänyt vaalissa Edustajat 2027. Äänestysaika päättyy 5.12. klo 12. Äänestä: /council election vote e7k2m9q <valinnat>"],
      [cecilia!.externalId, "Du har inte röstat ännu i valet Edustajat 2027. Röstningen avslutas 5.12. klo 12. Rösta: /council election vote e7k2m9q <val>"],
    ]);
    expect(app.chat.directs.every((d) => d.reply.visibility === "direct")).toBe(true);
    expect(app.chat.posts.filter((p) => p.channelId === channel && replyText(p.reply).includes("Ben"))).toEqual([]);
  });
});

describe("an election's timetable", () => {
  const idIn = (reply: string) => /`(e[a-z0-9]+)`/.exec(reply)?.[1] ?? "";
  const dueTimes = async (id: string) => (await app.store.uow.read.reminders.forEvent(`election:${id}`)).map((r) => r.nextDueAt?.toISOString());

  it("reminds the channel when nominations and voting open and 24 h before voting closes; the reminders follow the election", async () => {
    await setup("2026-11-28T10:00:00Z");
    await app.say("Anna", "group add Viestintä Bertta");
    const id = idIn(await app.say("Anna", "election create Viestintä 1 Edustaja 2027"));

    // Bad input: said why, with an example, and nothing planned.
    expect(await app.say("Anna", `election timetable ${id} voting huomenna`)).toContain('En ymmärrä aikaa "huomenna"');
    expect(await app.say("Anna", `election timetable ${id} voting 27.11.2026 9:00`)).toContain("Aika on jo mennyt");
    expect(await app.say("Anna", `election timetable ${id} closes 14.12.2026 18:00`)).toContain("äänestys alkaa —, päättyy ma 14.12.2026 klo 18.00");
    expect(await app.say("Anna", `election timetable ${id} voting 15.12.2026 9:00`)).toContain("Aikataulu menisi sekaisin");
    expect(await app.say("Bertta", `election timetable ${id} voting 8.12.2026 9:00`)).toContain("puheenjohtaja");
    // 24 h before the close: a post in the channel and direct messages to those who have not voted.
    expect(await dueTimes(id)).toEqual(["2026-12-13T16:00:00.000Z", "2026-12-13T16:00:00.000Z"]);

    await app.say("Anna", `election timetable ${id} nominations 1.12.2026 9:00`);
    const set = await app.say("Anna", `election timetable ${id} voting 8.12.2026 9:00`);
    expect(set).toContain("ehdokasasettelu ti 1.12.2026 klo 09.00, äänestys alkaa ti 8.12.2026 klo 09.00, päättyy ma 14.12.2026 klo 18.00");
    expect(app.chat.textsIn(channel).at(-1)).toContain(`🗓️ Vaalin Edustaja 2027 (${id}) aikataulu`);
    expect(await app.say("Bertta", `election show ${id}`)).toContain("Äänestys päättyy (aikataulu): 14.12.2026 klo 18.00");
    expect(await app.say("Anna", "group history Viestintä 3")).toContain(`Anna aikataulutti vaalin ${id}: äänestyksen alku ti 8.12.2026 klo 09.00`);
    expect(await dueTimes(id)).toEqual(["2026-12-01T07:00:00.000Z", "2026-12-08T07:00:00.000Z", "2026-12-13T16:00:00.000Z", "2026-12-13T16:00:00.000Z"]);

    // The chair opens nominations a day early: the "open now" reminder has happened and goes.
    app.clock.set(new Date("2026-11-30T08:00:00Z"));
    await app.say("Anna", `election open-nominations ${id}`);
    expect(await dueTimes(id)).toEqual(["2026-12-08T07:00:00.000Z", "2026-12-13T16:00:00.000Z", "2026-12-13T16:00:00.000Z"]);
    await app.say("Bertta", `election nominate ${id}`);
    await app.say("Bertta", `election accept ${id} --confirm`);

    app.clock.set(new Date("2026-12-08T07:00:10Z"));
    await tick();
    expect(posted()).toEqual([`🔔 Vaalin Edustaja 2027 aikataulun mukaan äänestys alkaa nyt ja päättyy ma 14.12.2026 klo 18.00. Tilanne: /council election show ${id}`]);
    await app.say("Anna", `election open ${id} --confirm`);
    expect(await app.say("Anna", `election vote ${id} 1 --confirm`)).toContain("tallennettu");
    await app.say("Bertta", "lang en");

    // The close moves a day later: so does its reminder.
    expect(await app.say("Anna", `election timetable ${id} closes 15.12.2026 18:00`)).toContain("päättyy ti 15.12.2026 klo 18.00");
    expect(await dueTimes(id)).toEqual(["2026-12-14T16:00:00.000Z", "2026-12-14T16:00:00.000Z"]);
    app.clock.set(new Date("2026-12-13T16:00:00Z"));
    await tick();
    expect(posted()).toHaveLength(1);
    app.clock.set(new Date("2026-12-14T16:00:00Z"));
    await tick();
    expect(posted().at(-1)).toBe(`🔔 Äänestys vaalissa Edustaja 2027 päättyy vuorokauden kuluttua (ti 15.12.2026 klo 18.00). Äänestä: /council election vote ${id} <valinnat>`);
    // And a direct message, in their own language, to each person on the roll who has not voted: Bertta, not Anna.
    const bertta = await app.services.people.ensure(consoleIdentity("Bertta"));
    expect(app.chat.directs.map((d) => [d.externalId, replyText(d.reply)])).toEqual([
      [bertta!.externalId, `🔔 You have not voted yet in election Edustaja 2027. Voting closes Tue, 15/12/2026, 18:00. Vote: /council election vote ${id} <choices>`],
    ]);
    expect(await app.say("Anna", "remind list Viestintä")).toContain("(yksityisviestinä niille, jotka eivät ole vielä äänestäneet)");

    // Closed early: nothing of its timetable is left to remind of.
    await app.say("Anna", `election timetable ${id} closes 20.12.2026 18:00`);
    await app.say("Anna", `election close ${id} --confirm`);
    expect(await dueTimes(id)).toEqual([]);
    expect(await app.say("Anna", `election timetable ${id} closes 21.12.2026 18:00`)).toContain("tilassa");
  });

  it("24 h before the close, messages whoever can still vote for each seat: the member, their deputy once the member is prevented", async () => {
    await setup("2026-11-28T10:00:00Z");
    for (const name of ["Bertta", "Cecil"]) await app.say("Anna", `group add Viestintä ${name}`);
    for (const name of ["Pekka", "Liisa"]) await app.say("Anna", `group add Viestintä ${name} deputy`);
    await app.say("Anna", "group deputy Viestintä Pekka Bertta");
    await app.say("Anna", "group deputy Viestintä Liisa Cecil");
    const id = idIn(await app.say("Anna", "election create Viestintä 1 yes-no Budjetti 2027"));
    await app.say("Anna", `election timetable ${id} closes 14.12.2026 18:00`);
    await app.say("Anna", `election open ${id} --confirm`);
    await app.say("Anna", `election vote ${id} kyllä --confirm`);
    expect(await app.say("Cecil", `election prevented ${id} --confirm`)).toContain("Varajäsenesi Liisa");
    app.chat.directs.length = 0;
    app.clock.set(new Date("2026-12-13T16:00:00Z"));
    await tick();
    // Bertta's seat: Bertta (the rule is prevented and she is not); Cecil's: Liisa; Anna has voted.
    const ids = await Promise.all(["Bertta", "Liisa"].map(async (n) => (await app.services.people.ensure(consoleIdentity(n)))!.externalId));
    expect(app.chat.directs.map((d) => d.externalId).sort()).toEqual(ids.sort());
  });

  it("a decision has no nominations to plan", async () => {
    await setup("2026-11-28T10:00:00Z");
    const id = idIn(await app.say("Anna", "election create Viestintä 1 yes-no Budjetti 2027"));
    expect(await app.say("Anna", `election timetable ${id} nominations 1.12.2026 9:00`)).toContain(`Päätöksessä ${id} ei ole ehdokasasettelua`);
    expect(await app.say("Anna", `election timetable ${id} voting 1.12.2026 9:00`)).toContain("äänestys alkaa ti 1.12.2026 klo 09.00");
  });
});

describe("action items", () => {
  it("nudge their owner by direct message at 9.00 the day before they are due, and not once they are done", async () => {
    await setup("2026-11-28T10:00:00Z");
    await app.say("Anna", "group add Viestintä Bertta");
    await app.say("Anna", "group add Viestintä Ben");
    await app.say("Ben", "lang en");
    await app.say("Anna", "action add Viestintä Bertta 3.12.2026 Tiedote jäsenjärjestöille");
    await app.say("Anna", "action add Viestintä Ben 4.12.2026 Press release in English");
    await app.say("Anna", "action add Viestintä Bertta 5.12.2026 Salitilaus");
    // Given today, due tomorrow: the day-before morning has passed, so the morning of the day.
    await app.say("Anna", "action add Viestintä Bertta 29.11.2026 Kahvitus");
    const [bertta, ben] = await Promise.all(["Bertta", "Ben"].map((n) => app.services.people.ensure(consoleIdentity(n))));
    const dms = () => app.chat.directs.map((d) => [d.externalId, replyText(d.reply)]);
    expect(await app.say("Anna", "remind list Viestintä")).toContain('Muistutus: tehtäväsi "Salitilaus" erääntyy 5.12.2026. (yksityisviestinä henkilölle Bertta)');

    app.clock.set(new Date("2026-11-29T07:00:00Z"));
    await tick();
    expect(dms()).toEqual([[bertta!.externalId, '🔔 Muistutus: tehtäväsi "Kahvitus" erääntyy 29.11.2026.']]);

    expect(await app.say("Bertta", "action done Viestintä 3")).toContain("3");
    for (const day of ["2026-12-02", "2026-12-03", "2026-12-04"]) {
      app.clock.set(new Date(`${day}T07:00:00Z`));
      await tick();
    }
    expect(dms().slice(1)).toEqual([
      [bertta!.externalId, '🔔 Muistutus: tehtäväsi "Tiedote jäsenjärjestöille" erääntyy 3.12.2026.'],
      [ben!.externalId, '🔔 Reminder: your action item "Press release in English" is due 04/12/2026.'],
    ]);
    expect(app.chat.directs.every((d) => d.reply.visibility === "direct")).toBe(true);
    expect(posted()).toEqual([]);
  });
});
