import { expect } from "vitest";
import { idIn } from "./election-replies.ts";
import type { TestApp } from "./test-app.ts";

/** Members who only vote: their names must never reach a public page. */
export const onlyVoters = ["Eero Äänestäjä", "Fanni Forsman", "Gustav Grönqvist", "Hilkka Hämäläinen", "Ilmari Ikonen"] as const;
/** Candidates by ballot number (numbers follow names); with markup, Cecilia's name carries a tag a page must show as text. */
export const candidateNames = (markup = false) => ["Anna Aalto", "Bertta Berg", markup ? "Cecilia <b>Carlsson</b>" : "Cecilia Carlsson", "Daniel Dahl"] as const;

const quoted = (name: string) => `"${name}"`;

/**
 * The group Viestintä on a real core: an STV election for 2 seats, certified, whose count takes
 * several rounds (Anna's surplus is transferred, then Daniel is excluded), a draft, one taking
 * nominations, and one closed but not certified.
 */
export async function publishedElections(app: TestApp, options: { markup?: boolean } = {}) {
  const candidates = candidateNames(options.markup);
  await app.say("Admin", "group create Viestintä");
  await app.say("Admin", "group link-channel Viestintä #viestinta");
  for (const name of [...candidates, ...onlyVoters]) await app.say("Admin", `group add Viestintä ${quoted(name)}`);
  for (const sector of ["kulttuuri", "liikunta"]) await app.say("Admin", `sector add ${sector}`);
  for (const [i, name] of candidates.entries()) {
    await app.say(name, `profile set sector ${i % 2 === 0 ? "kulttuuri" : "liikunta"}`);
    await app.say(name, `profile set organisation ${["Kuopion Kamarikuoro", "Kuopion Hiihtoseura", "Siilinjärven Teatteri", "Iisalmen Pallo"][i]}`);
  }
  const group = (await app.store.uow.read.groups.findByName((await app.invocation("Admin")).workspaceId, "Viestintä"))!;

  const nominated = async (spec: string, candidates: readonly string[]) => {
    const id = idIn(await app.say("Admin", `election create Viestintä ${spec}`));
    await app.say("Admin", `election open-nominations ${id}`);
    for (const name of candidates) {
      await app.say(name, `election nominate ${id}`);
      expect(await app.say(name, `election accept ${id} --confirm`)).toContain("Olet ehdokkaana");
    }
    return id;
  };

  const certified = await nominated("2 stv Edustajat 2027", candidates);
  await app.say("Admin", `election open ${certified} --confirm`);
  const ballots: [string, string][] = [
    ["Anna Aalto", "1 2"],
    ["Bertta Berg", "1 3"],
    [candidates[2], "1 2"],
    ["Daniel Dahl", "1 4"],
    ["Eero Äänestäjä", "1 2"],
    ["Fanni Forsman", "2 3"],
    ["Gustav Grönqvist", "3 2"],
    ["Hilkka Hämäläinen", "4 3"],
    ["Ilmari Ikonen", "3 4"],
  ];
  for (const [voter, choices] of ballots) expect(await app.say(voter, `election vote ${certified} ${choices} --confirm`)).toContain("`");
  await app.say("Admin", `election close ${certified} --confirm`);
  expect(await app.say("Admin", `election certify ${certified} --confirm`)).toContain("aluehallituksen vahvistamaksi");

  const draft = idIn(await app.say("Admin", "election create Viestintä 1 stv Luonnos"));
  const closed = await nominated("1 plurality Suljettu vaali", ["Anna Aalto", "Bertta Berg"]);
  await app.say("Admin", `election open ${closed} --confirm`);
  await app.say("Fanni Forsman", `election vote ${closed} 1 --confirm`);
  await app.say("Admin", `election close ${closed} --confirm`);
  const nominating = await nominated("1 stv Ehdokasasettelu", ["Anna Aalto"]);

  const { election } = await app.services.elections.show(await app.invocation("Admin"), certified);
  return { group: group.id, certified, draft, closed, nominating, record: election.record!, recordHash: election.recordHash! };
}
