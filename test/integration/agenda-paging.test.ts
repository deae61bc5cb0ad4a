import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/postgres.ts";
import { createTestApp, type Backend, type TestApp } from "../support/test-app.ts";

const backends: Backend[] = (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];

/** The numbered rows of every page of `agenda list`, read by following `--page` as a person would. */
async function wholeAgenda(app: TestApp): Promise<string[]> {
  const rows: string[] = [];
  for (let page = 1; ; page += 1) {
    const reply = await app.say("Anna", `agenda list Viestintä --page ${page}`);
    rows.push(...reply.split("\n").filter((l) => /^\d+\. /.test(l)));
    if (!reply.includes(`--page ${page + 1}`)) return rows;
  }
}

describe.each(backends)("a long agenda on %s", (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ backend, start: new Date("2026-11-28T10:00:00Z") });
    await app.say("Anna", "group create Viestintä");
    await app.say("Anna", "meeting schedule Viestintä 3.12.2026 klo 14 Maakuntasali");
    // Four standard items, 24 of the members', the closing item: 29 in all, two pages.
    for (let i = 1; i <= 24; i += 1) expect(await app.say("Anna", `agenda add Viestintä Asia ${i}`)).toContain(`on kohtana ${i + 4}`);
  });
  afterEach(() => app.close());

  it("numbers items across pages, with the closing item last on the last page", async () => {
    const rows = await wholeAgenda(app);
    expect(rows).toHaveLength(29);
    expect(rows.map((r) => Number(r.split(".")[0]))).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    expect(rows[4]).toBe("5. Asia 1");
    expect(rows[27]).toBe("28. Asia 24");
    expect(rows[28]).toBe("29. Kokouksen päättäminen");
    expect(await app.say("Anna", "agenda list Viestintä --page 3")).toContain("Sivua 3 ei ole: sivuja on 2.");
  });

  it("moves an item down and up, the others keeping their order; decides an item found on the second page", async () => {
    await app.say("Anna", "agenda move Viestintä 6 25");
    let titles = (await wholeAgenda(app)).slice(4, 28).map((r) => r.replace(/^\d+\. /, ""));
    const expected = Array.from({ length: 24 }, (_, i) => `Asia ${i + 1}`);
    expected.splice(expected.indexOf("Asia 2"), 1);
    expected.splice(20, 0, "Asia 2");
    expect(titles).toEqual(expected);

    await app.say("Anna", "agenda move Viestintä 28 5");
    titles = (await wholeAgenda(app)).slice(4, 28).map((r) => r.replace(/^\d+\. /, ""));
    expected.splice(expected.indexOf("Asia 24"), 1);
    expected.unshift("Asia 24");
    expect(titles).toEqual(expected);

    await app.say("Anna", "meeting open Viestintä --confirm");
    expect(await app.say("Anna", "agenda decide Viestintä 26 Hyväksyttiin")).toContain("Päätös kirjattu kohtaan 26.");
    expect(await wholeAgenda(app)).toContain(`26. ${expected[21]} (päätetty)`);
  });
});
