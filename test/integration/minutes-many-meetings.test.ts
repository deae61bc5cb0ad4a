import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, type Backend, type TestApp } from "../support/test-app.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];

// The overview and the digest ask for the minutes of every meeting they show at once: a group with
// years of draft minutes gave one statement with an id for each, past the database's limit on
// parameters ("Something went wrong" instead of the overview).
describe.each(backends)("the minutes of many meetings, and the notes of many items, at once on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ backend });
  });
  afterEach(() => app.close());

  it("reads the statuses, checkers and approvals of 70 000 meetings without passing the parameter limit", async () => {
    const ids = Array.from({ length: 70_000 }, (_, i) => `meeting-${i}`);
    const minutes = app.store.uow.read.minutes;
    expect(await minutes.statuses(ids)).toEqual([]);
    expect((await minutes.checkerCounts(ids)).size).toBe(0);
    expect((await minutes.approvalCounts(ids)).size).toBe(0);
  }, 60_000);

  it("reads the legal notes, recusals and dissents of 70 000 agenda items at once", async () => {
    const ids = Array.from({ length: 70_000 }, (_, i) => `item-${i}`);
    const law = app.store.uow.read.law;
    expect(await law.items(ids)).toEqual([]);
    expect(await law.recusals(ids)).toEqual([]);
    expect(await law.dissents(ids)).toEqual([]);
  }, 60_000);
  it("reads the confirmed addresses of 70 000 members and the digest's shown keys of 70 000 entries at once", async () => {
    const ids = Array.from({ length: 70_000 }, (_, i) => `person-${i}`);
    expect((await app.store.uow.read.mail.confirmedAddresses(ids)).size).toBe(0);
    expect((await app.store.uow.read.digest.includedKeys("console:local", ids)).size).toBe(0);
  }, 60_000);
});
