import type { Presentation } from "../../i18n/presentation.ts";
import { buttons, context, heading, list, onlyYou, select, text } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import { namesConfusable } from "../../core/people/names.ts";
import { onBallot } from "../../core/elections/closing.ts";
import { isRanked, maxChoices, type Election, type ElectionCandidate } from "../../core/elections/election.ts";
import { call } from "../call.ts";
import { electionBallot } from "./ballot.ts";
import { electionVote } from "./vote.ts";

/**
 * One step of a ballot built by choosing: what is chosen so far, the candidates still to choose
 * from (each choice runs the next step), and a button to review and cast. Every platform renders
 * it: a select on Slack and Discord, numbered choices on the console.
 */
export function ballotStep(p: Presentation, election: Election, candidates: readonly ElectionCandidate[], chosen: readonly number[]): Reply {
  const vote = (choices: string) => call(electionVote, { election: election.id, choices });
  const step = (numbers: readonly number[]) => call(electionBallot, { election: election.id, choices: numbers.length ? numbers.join(" ") : undefined });
  if (election.method === "yes-no") {
    return onlyYou(
      heading(p.t("elections.ballot.title", { title: election.title })),
      buttons(
        { label: p.t("elections.answer.yes"), call: vote("yes"), style: "primary" },
        { label: p.t("elections.answer.no"), call: vote("no") },
        { label: p.t("elections.answer.abstain"), call: vote("abstain") },
      ),
    );
  }
  const listed = onBallot(candidates).filter((c) => c.status !== "withdrawn" && c.number !== null);
  const name = (n: number) => listed.find((c) => c.number === n)?.displayName ?? String(n);
  const remaining = listed.filter((c) => !chosen.includes(c.number!));
  // Look-alike names carry their organisation, so the voter sees which one the number is.
  const label = (c: (typeof listed)[number]) =>
    c.organisation && listed.some((o) => o.id !== c.id && namesConfusable(o.displayName, c.displayName)) ? `${c.number}. ${c.displayName} (${c.organisation})` : `${c.number}. ${c.displayName}`;
  const max = maxChoices(election.method, election.seats);
  const full = max !== null && chosen.length >= max;
  const ranked = isRanked(election.method);
  return onlyYou(
    heading(p.t("elections.ballot.title", { title: election.title })),
    chosen.length ? list(chosen.map((n) => `${n}. ${name(n)}`), ranked) : text(p.t("elections.ballot.empty")),
    ...(remaining.length && !full
      ? [
          select(
            ranked ? p.t("elections.ballot.choose-rank", { rank: chosen.length + 1 }) : p.t("elections.ballot.choose"),
            remaining.map((c) => ({ label: label(c), call: step([...chosen, c.number!]), number: c.number! })),
          ),
        ]
      : []),
    buttons(
      ...(chosen.length ? [{ label: p.t("elections.ballot.review"), call: vote(chosen.join(" ")), style: "primary" as const }] : []),
      ...(chosen.length ? [{ label: p.t("elections.ballot.restart"), call: step([]) }] : []),
    ),
    context(p.t("elections.ballot.hint", { id: election.id })),
  );
}
