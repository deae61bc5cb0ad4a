import { expect } from "vitest";
import { idIn } from "./election-replies.ts";
import type { TestApp } from "./test-app.ts";

/** Members who only vote: their names must never reach a public page. */
export const onlyVoters = ["Eero Äänestäjä", "Fanni Forsman", "Gustav Grönqvist", "Hilkka Hämäläinen", "Ilmari Ikonen"] as const;
/** Candidates by ballot number (numbers follow names). */
export const candidateNames = ["Anna Aalto", "Bertta Berg", "Cecilia <b>Carlsson</b>", "Daniel Dahl"] as const;

const quoted = (name: string) => `"${name}"`;

/**
 * The group Viestintä on a real core: an STV election for 2 seats, certified, whose count takes
 * several rounds (Anna's surplus is transferred, then Daniel is excluded), a draft, and one closed
 * but not certified. Cecilia's name carries markup, which a page must show as text.
 */
export async function publishedElections(app: TestApp) {
  await app.say("Admin", "group create Viestintä");
  await app.say("Admin", "group link-channel Viestintä #viestinta");
  for (const name of [...candidateNames, ...onlyVoters]) await app.say("Admin", `group add Viestintä ${quoted(name)}`);
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

  const certified = await nominated("2 stv Edustajat 2027", candidateNames);
  await app.say("Admin", `election open ${certified} --confirm`);
  const ballots: [string, string][] = [
    ["Anna Aalto", "1 2"],
    ["Bertta Berg", "1 3"],
    ["Cecilia <b>Carlsson</b>", "1 2"],
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
