import { afterEach, describe, expect, it } from "vitest";
import { runConsole } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";

describe("the overview on the console, driven through stdin", () => {
  const databases: ReturnType<typeof tempDatabase>[] = [];
  afterEach(() => databases.splice(0).forEach((db) => db.remove()));

  it("shows a member their groups, the next meeting, the agenda still open and their task, in their language", async () => {
    const db = tempDatabase();
    databases.push(db);
    const lines = [
      "group create Viestintä",
      "group add Viestintä \"Pekka Korhonen\"",
      "meeting schedule Viestintä 3.12.2030 klo 14 Maakuntasali",
      "action add Viestintä \"Pekka Korhonen\" 15.12.2030 Kirjoittaa pääkirjoituksen",
      "/as Pekka Korhonen",
      "overview",
      "lang en",
      "overview",
      "help overview",
    ];
    const run = await runConsole(`${lines.join("\n")}\n`, { DATABASE_URL: db.url });
    expect(run.code).toBe(0);
    const [finnish = "", english = ""] = run.stdout.split("Yleiskatsaus").slice(1).join("Yleiskatsaus").split("Overview");
    expect(finnish).toContain("Omat työryhmäsi");
    expect(finnish).toContain("Viestintä 1. ti 3.12.2030 klo 14.00 · Maakuntasali · kutsuttu koolle");
    expect(finnish).toContain("Viestintä, kokous 1: la 30.11.2030 klo 14.00 asti");
    expect(finnish).toContain("Viestintä 1. Kirjoittaa pääkirjoituksen — Pekka Korhonen, viimeistään 15.12.2030");
    expect(english).toContain("Your working groups");
    expect(english).toContain("Viestintä 1. Kirjoittaa pääkirjoituksen — Pekka Korhonen, due 15/12/2030");
    expect(run.stdout).toContain("/council overview — your overview");
  });
});
