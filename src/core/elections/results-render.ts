import type { MessageKey } from "../../i18n/catalogues.ts";
import { say, type Presentation } from "../../i18n/presentation.ts";
import { context, divider, fields, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Block, Reply } from "../../render/reply.ts";
import { onBallot, outcome } from "./closing.ts";
import { describeRoundEvent, electedExplained, voteFormatter } from "./count-narrative.ts";
import type { Election, ElectionCandidate } from "./election.ts";
import { methodName } from "./replies.ts";
import type { RollCounts } from "./seats.ts";

export const candidateNames = (candidates: readonly ElectionCandidate[]) => {
  const names = new Map(onBallot(candidates).map((c) => [String(c.number), c.displayName]));
  return (id: string) => names.get(id) ?? id;
};

/** The whole count: quota, every round's votes per candidate, transfers, exclusions, the elected and their deputies. */
export function resultsReply(p: Presentation, election: Election, candidates: readonly ElectionCandidate[], roll?: RollCounts): Reply {
  const result = election.result;
  if (!result) return onlyYou(text(p.t("elections.results.none", { title: election.title })));
  const blocks: Block[] = [heading(p.t("elections.results.title", { title: election.title })), text(say(p, outcome(election, candidates)))];
  // How many seats voted and how many through deputies: counts only, never who.
  const turnout: [string, string][] = roll ? [[p.t("elections.results.turnout"), p.t("elections.show.turnout-value", { ...roll })]] : [];
  if (result.kind === "yes-no") {
    const c = result.count;
    blocks.push(fields([p.t("elections.answer.yes"), String(c.yes)], [p.t("elections.answer.no"), String(c.no)], [p.t("elections.answer.abstain"), String(c.abstain)], ...turnout));
    blocks.push(context(p.t("elections.results.yes-no-rule")));
    return onlyYou(...blocks);
  }
  const count = result.count;
  const name = candidateNames(candidates);
  const votes = voteFormatter(p, count.method);
  const summary: [string, string][] = [
    [p.t("elections.show.method"), methodName(p, election)],
    [p.t("elections.show.seats"), String(count.seats)],
    [p.t("elections.results.ballots"), p.t("elections.results.ballots-value", { valid: count.validBallots, invalid: count.invalidBallots })],
    ...turnout,
  ];
  if (count.quota !== undefined) summary.push([count.method === "stv" ? p.t("elections.results.quota") : p.t("elections.results.majority"), votes(count.quota)]);
  const quotas = Object.entries(election.quotas).map(([sector, max]) => p.t("elections.show.quota", { sector, max }));
  if (quotas.length > 0) summary.push([p.t("elections.show.quotas"), quotas.join(", ")]);
  blocks.push(fields(...summary));
  for (const round of count.rounds) {
    blocks.push(divider(), text(`*${p.t("tally.report.round", { number: round.number, stage: p.t(`tally.stage.${round.kind}` as MessageKey) })}*`));
    const rows = Object.entries(round.votes).map(([id, value]) => `${name(id)}: ${votes(value)}`);
    if (count.method === "stv" || count.method === "irv") rows.push(`${p.t("tally.report.non-transferable")}: ${votes(round.nonTransferable)}`);
    if (round.lists) rows.push(p.t("tally.report.lists", { lists: Object.entries(round.lists).map(([l, total]) => `${l.startsWith("#") ? name(l.slice(1)) : l} ${votes(total)}`).join(", ") }));
    blocks.push(list(rows));
    if (round.events.length > 0) blocks.push(list(round.events.map((e) => describeRoundEvent(p, e, name, votes))));
  }
  blocks.push(divider(), text(`*${p.t("elections.results.elected-title")}*`));
  const explained = electedExplained(p, count, name, votes);
  blocks.push(explained.length > 0 ? list(explained) : text(p.t("tally.report.none-elected")));
  const deputies = deputyLines(p, election, candidates);
  if (deputies.length > 0) blocks.push(text(`*${p.t("elections.results.deputies-title")}*`), list(deputies));
  blocks.push(text(p.t("tally.report.placement")), list(count.placement.map(name), true));
  if (count.ties.length > 0) {
    blocks.push(text(p.t("tally.report.ties")));
    blocks.push(
      list(
        count.ties.map((tie) =>
          p.t("tally.report.tie", { round: tie.round, candidates: tie.candidates.map(name).join(", "), chosen: name(tie.chosen), how: p.t(`tally.tie.${tie.reason}`) }),
        ),
      ),
    );
  }
  blocks.push(context(p.t("elections.results.verify", { seed: election.seed ?? "—", hash: election.seedHash ?? "—", id: election.id })));
  return onlyYou(...blocks);
}

/** "Anna Aalto — varajäsen Bertta Berg" for every elected member who has a deputy. */
export function deputyLines(p: Presentation, election: Election, candidates: readonly ElectionCandidate[]): string[] {
  const result = election.result;
  if (!result || result.kind !== "candidates") return [];
  const byNumber = new Map(onBallot(candidates).map((c) => [String(c.number), c]));
  return result.count.elected.flatMap((id) => {
    const member = byNumber.get(id);
    const deputy = election.deputyMode === "pairs" ? member?.deputyName : election.deputyMode === "next-placed" ? byNumber.get(result.deputies[id] ?? "")?.displayName : undefined;
    if (!member || election.deputyMode === "none") return [];
    return [p.t("elections.results.deputy-line", { member: member.displayName, deputy: deputy ?? "—" })];
  });
}
