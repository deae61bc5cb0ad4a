import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { consoleWorkspace } from "../../adapters/console/directory.ts";
import { windowOf } from "../../src/core/shared/page.ts";
import { oneOffReminder } from "../support/one-off-reminder.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, type Backend, type TestApp } from "../support/test-app.ts";
import { foundViestinta } from "../support/viestinta.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];
const day = 86_400_000;

describe.each(backends)("remind list, soonest first, on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ backend, start: new Date("2026-11-28T10:00:00Z") });
    await foundViestinta(app);
  });
  afterEach(() => app.close());

  const groupId = async () => (await app.store.uow.read.groups.findByName(consoleWorkspace, "Viestintä"))!.id;

  it("lists the running reminders by their next time, then the paused and finished as they were made", async () => {
    await app.say("Anna", "remind add Viestintä 10.12.2026 klo 9 Kymmenes");
    await app.say("Anna", "remind add Viestintä 1.12.2026 klo 9 Ensimmäinen");
    await app.say("Anna", "remind add Viestintä 5.12.2026 klo 9 Pysäytetty");
    await app.say("Anna", "remind add Viestintä 3.12.2026 klo 9 Kolmas");
    const [, , paused] = await app.store.uow.read.reminders.listForGroup(await groupId());
    expect(paused?.text).toBe("Pysäytetty");
    await app.say("Anna", `remind pause ${paused!.id}`);
    const lines = (await app.say("Anna", "remind list Viestintä")).split("\n").filter((line) => /Kymmenes|Ensimmäinen|Pysäytetty|Kolmas/.test(line));
    expect(lines.map((line) => /Kymmenes|Ensimmäinen|Pysäytetty|Kolmas/.exec(line)![0])).toEqual(["Ensimmäinen", "Kolmas", "Kymmenes", "Pysäytetty"]);
  });

  it("pages across the two: running ones first, then the rest, every reminder once", async () => {
    const id = await groupId();
    // 22 running, due from the latest made to the earliest; 25 paused.
    await app.store.uow.run(async (stores) => {
      for (let i = 0; i < 22; i++) await stores.reminders.create(oneOffReminder(id, `käynnissä ${i}`, new Date(Date.UTC(2027, 0, 1) - i * day)));
      for (let i = 0; i < 25; i++) await stores.reminders.create({ ...oneOffReminder(id, `tauolla ${i}`, new Date(Date.UTC(2027, 5, 1))), pausedAt: new Date() });
    });
    const read = app.store.uow.read.reminders;
    const whole = (await read.listForGroup(id)).map((r) => r.text);
    expect(whole.slice(0, 22)).toEqual(Array.from({ length: 22 }, (_, i) => `käynnissä ${21 - i}`));
    // Made within the same millisecond, the paused ones are in no order of their making; the pages agree with the whole list.
    expect([...whole.slice(22)].sort()).toEqual(Array.from({ length: 25 }, (_, i) => `tauolla ${i}`).sort());
    const pages = await Promise.all([1, 2, 3].map(async (page) => (await read.listForGroup(id, windowOf(page))).map((r) => r.text)));
    expect(pages.map((page) => page.length)).toEqual([20, 20, 7]);
    expect(pages.flat()).toEqual(whole);
  });
});
