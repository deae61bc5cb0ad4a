import { afterEach, describe, expect, it } from "vitest";
import { runConsole } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";

const databases: ReturnType<typeof tempDatabase>[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.remove()));

const fresh = () => {
  const db = tempDatabase();
  databases.push(db);
  return db;
};

const names = (count: number) => Array.from({ length: count }, (_, i) => `Ryhmä ${String(i + 1).padStart(2, "0")}`);
/** The list rows ("- Ryhmä 07") of one reply, in order. */
const rows = (reply: string) => reply.split("\n").filter((line) => line.startsWith("- ")).map((line) => line.slice(2));
/** The replies to the lines after `marker` (each command's reply starts with its heading). */
const replies = (stdout: string) => stdout.split(/(?=^== )/m);

describe("lists answer a page at a time, on the console", () => {
  it("shows 20 groups and a more key, the next page on the key, no key on the last page, and --page typed", { timeout: 120_000 }, async () => {
    const db = fresh();
    const groups = names(45);
    const script = [...groups.map((g) => `group create ${g}`), "group list", "1", "1", "group list --page 2", "group list --page 4"];
    const { stdout, code } = await runConsole(`${script.join("\n")}\n`, { DATABASE_URL: db.url });
    expect(code).toBe(0);
    const [, first, second, third, typed] = replies(stdout);
    expect(rows(first!)).toEqual(groups.slice(0, 20));
    expect(first).toContain("Näytetään 1–20/45");
    expect(first).toContain("[1] Näytä 20 lisää");
    expect(rows(second!)).toEqual(groups.slice(20, 40));
    expect(second).toContain("[1] Näytä 5 lisää");
    expect(rows(third!)).toEqual(groups.slice(40));
    expect(third).toContain("Näytetään 41–45/45, viimeinen sivu.");
    expect(third).not.toMatch(/\[1\]/);
    expect(rows(typed!)).toEqual(groups.slice(20, 40));
    expect(stdout).toContain("Sivua 4 ei ole: sivuja on 3.");
  });

  it("keeps the more key across a restart, and pages an agenda of the same meeting", { timeout: 120_000 }, async () => {
    const db = fresh();
    const items = Array.from({ length: 30 }, (_, i) => `Asia ${i + 1}`);
    const before = [
      "group create Viestintä",
      "meeting schedule Viestintä 3.12.2030 klo 14 Maakuntasali",
      ...items.map((title) => `agenda add Viestintä ${title} -- Teksti`),
      "agenda list Viestintä",
    ];
    const first = await runConsole(`${before.join("\n")}\n`, { DATABASE_URL: db.url });
    expect(first.code).toBe(0);
    const page1 = replies(first.stdout).at(-1)!;
    const listed = rows(page1);
    // Four standard opening items, then the members' items; the closing item is on the last page.
    expect(listed).toHaveLength(20);
    expect(listed.slice(4).map((row) => row.replace(/^\d+\. /, ""))).toEqual(items.slice(0, 16));
    expect(page1).toContain("Näytetään 1–20/35");
    expect(page1).toContain("[1] Näytä 15 lisää");

    // A new process: the key pressed is the one the last reply showed, kept in the database.
    const second = await runConsole("1\n", { DATABASE_URL: db.url });
    expect(second.code).toBe(0);
    const page2 = rows(replies(second.stdout).at(-1)!);
    expect(page2).toHaveLength(15);
    expect(page2.slice(0, 14).map((row) => row.replace(/^\d+\. /, ""))).toEqual(items.slice(16));
    expect(page2[0]).toMatch(/^21\. /);
    expect(page2.at(-1)).toMatch(/^35\. /);
    expect(second.stdout).toContain("Näytetään 21–35/35, viimeinen sivu.");
  });

  it("pages the meeting list, upcoming soonest first with their numbers in the year; the more key works after a restart; a page past the end refused", { timeout: 120_000 }, async () => {
    const db = fresh();
    // Monthly from December 2030: one meeting in 2030, twelve in 2031, twelve in 2032.
    const months = Array.from({ length: 25 }, (_, i) => ({ month: ((11 + i) % 12) + 1, year: 2030 + Math.floor((11 + i) / 12) }));
    const schedule = months.map(({ month, year }) => `meeting schedule Viestintä 3.${month}.${year} klo 14`);
    const first = await runConsole(`${["group create Viestintä", ...schedule, "meeting list Viestintä --page 9", "meeting list Viestintä"].join("\n")}\n`, { DATABASE_URL: db.url });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Sivua 9 ei ole: sivuja on 2.");
    const page1 = replies(first.stdout).at(-1)!;
    const numbers = (reply: string) => rows(reply).map((row) => row.split(" ").slice(0, 2).join(" "));
    const expected = months.map(({ year }, i) => `${i + 1}. (${i === 0 ? 1 : ((i - 1) % 12) + 1}/${year})`);
    expect(numbers(page1)).toEqual(expected.slice(0, 20));
    expect(page1).toContain("Näytetään 1–20/25");
    expect(page1).toContain("[1] Näytä 5 lisää");

    const second = await runConsole("1\n", { DATABASE_URL: db.url });
    expect(second.code).toBe(0);
    const page2 = replies(second.stdout).at(-1)!;
    expect(numbers(page2)).toEqual(expected.slice(20));
    expect(page2).toContain("Näytetään 21–25/25, viimeinen sivu.");
    expect(page2).not.toMatch(/\[1\]/);
  });
});
