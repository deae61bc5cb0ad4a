import { z } from "zod";
import { done } from "../done.ts";
import { personRef } from "../args.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/** `election tellers e7k2m9q "Anna Aalto" "Pekka Korhonen"`: certifying then needs each one's confirmation. */
export const electionTellers = defineCommand({
  path: ["election", "tellers"],
  args: () => z.object({ election: electionId(), teller: personRef(), teller2: personRef().optional() }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    const refs = [args.teller, ...(args.teller2 ? [args.teller2] : [])];
    const people = [];
    for (const ref of refs) people.push(await services.people.resolve(directory, ref));
    const election = await services.elections.tellers.setTellers(inv, args.election, people);
    return done(p, "elections.tellers.set", { title: election.title, names: election.tellers.map((teller) => teller.name).join(", "), id: election.id });
  },
});
