import { z } from "zod";
import { done } from "../done.ts";
import { personRef, restOfLine } from "../args.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/** `election candidate-list e7k2m9q "Anna Aalto" Vihreä lista`; `-` as the list: the candidate stands alone. */
export const electionCandidateList = defineCommand({
  path: ["election", "candidate-list"],
  args: () => z.object({ election: electionId(), person: personRef(), list: restOfLine(80) }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    const person = await services.people.resolve(directory, args.person);
    const list = args.list === "-" ? null : args.list;
    const { election, candidate } = await services.elections.lists.setList(inv, args.election, person, list);
    return list === null
      ? done(p, "elections.candidate-list.cleared", { name: candidate.displayName, title: election.title })
      : done(p, "elections.candidate-list.set", { name: candidate.displayName, list, title: election.title });
  },
});
