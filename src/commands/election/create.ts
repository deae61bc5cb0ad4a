import { z } from "zod";
import { electionMethodSchema, electionTitleMaxLength, type ElectionMethod } from "../../core/elections/election.ts";
import { done } from "../done.ts";
import { proportionalityWarning } from "../../core/elections/proportionality.ts";
import { say } from "../../i18n/presentation.ts";
import { context } from "../../render/build.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { typedName, unquoted } from "../../core/shared/words.ts";
import { distance } from "fastest-levenshtein";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";
import { electionSpec, seats } from "./args.ts";

/**
 * `election create Viestintä 3 stv Edustajat 2027`; the method may be left out: then the group's
 * `election` rule decides (plurality, the association default, or proportional).
 */
export const electionCreate = defineCommand({
  path: ["election", "create"],
  args: () => z.object({ group: groupName(), seats: seats(), electionSpec: electionSpec() }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const [first = "", ...rest] = args.electionSpec.split(/\s+/);
    const named = electionMethodSchema.safeParse(methodWord(first));
    const chosen: ElectionMethod | null = named.success ? named.data : null;
    const title = unquoted(named.success ? rest.join(" ") : args.electionSpec);
    const meant = chosen ? null : misspeltMethod(first);
    if (meant) refuse("election.method-misspelt", { given: first, method: meant, example: `election create ${typedName(args.group)} ${args.seats} ${meant} ${rest.join(" ")}`, titled: `election create ${typedName(args.group)} ${args.seats} plurality ${args.electionSpec}` });
    if (!title) refuse("election.title-missing");
    if (title.length > electionTitleMaxLength) refuse("election.title-too-long", { max: electionTitleMaxLength });
    const { election, group } = await services.elections.create(inv, args.group, args.seats, chosen, title);
    const method = election.method;
    const next = method === "yes-no" ? "elections.created.next-yes-no" : "elections.created.next";
    const reply = done(p, "elections.created", {
      title: election.title,
      id: election.id,
      group: group.name,
      method: p.t(`elections.method.${method}`, { seats: election.seats }),
      next: p.t(next, { id: election.id }),
    });
    const warning = proportionalityWarning(method, election.seats, group);
    return warning ? { ...reply, blocks: [...reply.blocks, context(say(p, warning))] } : reply;
  },
});

/** A method as typed: any case, and d'Hondt with its apostrophe (straight or curly). */
const methodWord = (word: string): string => word.toLowerCase().replace(/^d['\u2019]hondt$/, "dhondt");

/**
 * A first word one or two letters off a method's name (`plurallity`), which would otherwise begin
 * the title while the group's default method is used: the person is asked which they meant.
 */
function misspeltMethod(word: string): ElectionMethod | null {
  const typed = methodWord(word);
  if (typed.length < 5) return null;
  // Not "lists": a Finnish title may well begin with "Lista".
  return electionMethodSchema.options.find((method) => method.length >= 6 && distance(typed, method) <= 2) ?? null;
}
