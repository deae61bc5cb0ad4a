import { z } from "zod";
import { done } from "../done.ts";
import { personRef } from "../args.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/** `election nominate e7k2m9q` (yourself) or `election nominate e7k2m9q "Anna Aalto" ["Bertta Berg"]` (pairs: with a deputy). */
export const electionNominate = defineCommand({
  path: ["election", "nominate"],
  args: () => z.object({ election: electionId(), nominee: personRef().optional(), deputy: personRef().optional() }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    const nominee = args.nominee ? await services.people.resolve(directory, args.nominee) : inv.actor.person;
    const deputy = args.deputy ? await services.people.resolve(directory, args.deputy) : null;
    const { election } = await services.elections.nominations.nominate(inv, args.election, nominee, deputy);
    const self = nominee.id === inv.actor.person.id;
    return done(p, self ? "elections.nominated-self" : "elections.nominated", { person: nominee.displayName, title: election.title, id: election.id });
  },
});
