import { expect } from "vitest";
import type { TestApp } from "./test-app.ts";

/**
 * Three meetings of Viestintä (made by publishedElections) after its elections: meeting 1's minutes
 * checked by both checkers, meeting 2's approved at meeting 3, meeting 3's left a draft. Only 1 and
 * 2 may be public. Returns the meeting numbers and the final texts as stored.
 */
export async function publishedMinutes(app: TestApp) {
  const hold = async (day: number, between: () => Promise<void> = async () => {}) => {
    await app.say("Admin", `meeting schedule Viestintä ${day}.12.2026 klo 14 Maakuntasali`);
    app.clock.set(new Date(Date.UTC(2026, 11, day, 12, 0)));
    expect(await app.say("Admin", "meeting open Viestintä --confirm")).not.toContain("Vain");
    for (const name of ["Anna Aalto", "Bertta Berg"]) await app.say(name, "meeting here Viestintä");
    await app.say("Admin", 'meeting officials Viestintä pj "Anna Aalto" sihteeri "Bertta Berg" tarkastajat "Anna Aalto" "Bertta Berg"');
    await between();
    app.clock.advance(60 * 60_000);
    await app.say("Admin", "meeting close Viestintä --confirm");
  };
  await hold(3);
  for (const checker of ["Anna Aalto", "Bertta Berg"]) await app.say(checker, "minutes approve Viestintä 1");
  await hold(10);
  await hold(17, async () => {
    expect(await app.say("Admin", "minutes adopt Viestintä 2")).toContain("kokouksessa 3");
  });
  const text = async (n: number) => (await app.services.minutes.show(await app.invocation("Admin"), "Viestintä", n)).text;
  expect(await app.say("Admin", "minutes show Viestintä 1")).toContain("tarkastettu");
  return { checked: 1, approved: 2, draft: 3, texts: { 1: await text(1), 2: await text(2) } as Record<number, string> };
}
