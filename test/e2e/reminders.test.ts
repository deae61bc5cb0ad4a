import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { consoleDirectory, consoleIdentity, consoleWorkspace } from "../../adapters/console/directory.ts";
import { createApp } from "../../src/app.ts";
import type { CommandRequest } from "../../src/commands/dispatch.ts";
import { manualClock } from "../../src/core/shared/clock.ts";
import { openStore } from "../../src/store/open-store.ts";
import { createScheduler } from "../../src/schedule/scheduler.ts";
import { recordingChat } from "../support/recording-chat.ts";
import { runConsole } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";
import { replyText, silentLogger } from "../support/test-app.ts";
import { testBallotSecret } from "../support/ballot-secret.ts";

const zone = "Europe/Helsinki";
const databases: ReturnType<typeof tempDatabase>[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.remove()));

/** The bot as one process sees it: real store on `url`, recording chat, a clock the test sets. */
async function boot(url: string, start: Date) {
  const store = await openStore(url);
  const chat = recordingChat();
  const clock = manualClock(start);
  const app = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: zone, REMINDER_LATE_LIMIT_HOURS: 24 }, store, chat, logger: silentLogger, ballotSecret: testBallotSecret, clock });
  const scheduler = createScheduler({ services: app.services, clock, logger: silentLogger, tickSeconds: 60 });
  const request = (name: string): CommandRequest => ({
    identity: consoleIdentity(name),
    isWorkspaceAdmin: false,
    workspaceId: consoleWorkspace,
    channelId: "#yleinen",
    directory: consoleDirectory,
  });
  return {
    app,
    store,
    chat,
    clock,
    scheduler,
    say: async (name: string, line: string) => replyText(await app.dispatcher.runLine(request(name), line)),
    posts: () => chat.posts.map((p) => `${p.channelId} ${replyText(p.reply)}`).filter((t) => t.includes("🔔")),
  };
}

describe("reminders end to end", () => {
  it("a chair schedules recurring and event-tied reminders; they arrive on time and survive a restart without loss or doubles", async () => {
    const db = tempDatabase();
    databases.push(db);
    const first = await boot(db.url, new Date("2026-11-30T07:00:00Z")); // Monday 9:00 Helsinki
    await first.say("Anna", "group create Viestintä");
    await first.say("Anna", "group link-channel Viestintä #viestinta");
    await first.say("Anna", "group add Viestintä Ben member");

    // Refusals: nothing stored.
    expect(await first.say("Anna", "remind add Viestintä 1.1.2020 9:00 Vanha")).toContain("on jo mennyt");
    expect(await first.say("Anna", 'remind add Viestintä "61 9 * * 1" Huono')).toContain("Cron-lauseke \"61 9 * * 1\" ei kelpaa");
    expect(await first.say("Anna", "remind add Viestintä ensi viikolla Kokous")).toMatch(/Esimerkkejä: \d{1,2}\.\d{1,2}\.20\d\d 9:00/);
    expect(await first.say("Anna", "remind add Tuntematon joka maanantai 9:00 Kokous")).toContain("Työryhmää Tuntematon ei löydy");
    expect(await first.say("Ben", "remind add Viestintä joka maanantai 9:00 Kokous")).toContain("Ryhmän puheenjohtajisto: Anna");
    expect(await first.say("Anna", "remind list Viestintä")).toContain("ei ole muistutuksia");

    // A recurring and a one-off reminder, a meeting's reminders and an election's, all by the chair's commands.
    expect(await first.say("Anna", "remind add Viestintä joka päivä 10:00 Päivän tarkistus")).toContain("Toistuva muistutus");
    expect(await first.say("Anna", "remind add Viestintä 1.12.2026 12:00 Tiistain muistutus")).toContain("lisätty");
    expect(await first.say("Anna", "meeting schedule Viestintä 3.12.2026 17:00 Maakuntasali")).toContain("Maakuntasali");
    const election = /`(e[a-z0-9]+)`/.exec(await first.say("Anna", "election create Viestintä 1 Edustaja 2027"))?.[1];
    expect(await first.say("Anna", `election timetable ${election} closes 4.12.2026 12:00`)).toContain("päättyy pe 4.12.2026 klo 12.00");
    const list = await first.say("Anna", "remind list Viestintä");
    expect(list).toContain("Viestintä: muistutukset (7)");
    expect(list).toContain("toistuu: joka päivä klo 10.00");

    await first.scheduler.start();
    first.clock.set(new Date("2026-11-30T08:00:10Z")); // 10:00
    await first.scheduler.tick();
    first.clock.set(new Date("2026-11-30T15:00:10Z")); // 17:00, the agenda deadline
    await first.scheduler.tick();
    first.clock.set(new Date("2026-12-01T08:00:10Z")); // Tue 10:00
    await first.scheduler.tick();
    expect(first.posts()).toEqual([
      "#viestinta 🔔 Päivän tarkistus",
      "#viestinta 🔔 Kokouksen Viestintä 1 (to 3.12.2026 klo 17.00) esityslistaehdotusten määräaika on nyt.",
      "#viestinta 🔔 Päivän tarkistus",
    ]);
    await first.scheduler.stop();
    await first.store.close();

    // Down from Tue 10:01 to Tue 12:30: the 12:00 one-off is sent late, once; a second process
    // started at the same moment sends nothing twice.
    const second = await boot(db.url, new Date("2026-12-01T10:30:00Z"));
    const third = await boot(db.url, new Date("2026-12-01T10:30:00Z"));
    await Promise.all([second.scheduler.start(), third.scheduler.start()]);
    await Promise.all([second.scheduler.tick(), third.scheduler.tick()]);
    expect([...second.posts(), ...third.posts()]).toEqual(["#viestinta 🔔 (myöhässä) Tiistain muistutus"]);
    // Meeting reminders 2 days before (Tue 17:00) and 1 hour before (Thu 16:00), the election's
    // 24 h before voting closes (Thu 12:00), all on time.
    for (const at of ["2026-12-01T15:00:05Z", "2026-12-02T08:00:05Z", "2026-12-03T08:00:05Z", "2026-12-03T10:00:05Z", "2026-12-03T14:00:05Z"]) {
      second.clock.set(new Date(at));
      third.clock.set(new Date(at));
      await Promise.all([second.scheduler.tick(), third.scheduler.tick()]);
    }
    const all = [...second.posts(), ...third.posts()].sort();
    expect(all).toEqual(
      [
        "#viestinta 🔔 (myöhässä) Tiistain muistutus",
        "#viestinta 🔔 Muistutus: kokous Viestintä 1 ylihuomenna to 3.12.2026 klo 17.00.",
        "#viestinta 🔔 Päivän tarkistus",
        "#viestinta 🔔 Päivän tarkistus",
        `#viestinta 🔔 Äänestys vaalissa Edustaja 2027 päättyy vuorokauden kuluttua (pe 4.12.2026 klo 12.00). Äänestä: /council election vote ${election} <valinnat>`,
        "#viestinta 🔔 Kokous Viestintä 1 alkaa tunnin kuluttua (to 3.12.2026 klo 17.00).",
      ].sort(),
    );
    await Promise.all([second.scheduler.stop(), third.scheduler.stop()]);
    await Promise.all([second.store.close(), third.store.close()]);
  });

  it("the console bot sends a reminder missed while it was down at start-up, once, marked late", async () => {
    const db = tempDatabase();
    databases.push(db);
    // Set up with a clock 30 minutes back, a reminder due 10 minutes ago.
    const now = Date.now();
    const past = await boot(db.url, new Date(now - 30 * 60_000));
    await past.say("Admin", "group create Viestintä");
    await past.say("Admin", "group link-channel Viestintä #viestinta");
    const due = DateTime.fromMillis(now - 10 * 60_000, { zone }).toFormat("d.M.yyyy H:mm");
    expect(await past.say("Admin", `remind add Viestintä ${due} Syyskokouksen pöytäkirja tarkastettava`)).toContain("lisätty");
    await past.store.close();

    const env = { DATABASE_URL: db.url, CONSOLE_USER: "Admin", CONSOLE_ADMINS: "Admin", LOG_LEVEL: "silent" };
    const run = await runConsole("/council remind list Viestintä\n", env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("[kanavalle #viestinta] 🔔 (myöhässä) Syyskokouksen pöytäkirja tarkastettava");
    expect(run.stdout).toContain("lähetetty");
    const again = await runConsole("/council remind list Viestintä\n", env);
    expect(again.stdout).not.toContain("🔔");
  });
});
