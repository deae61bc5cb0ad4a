import type { MessageKey } from "../../i18n/catalogues.ts";
import { say, type Presentation } from "../../i18n/presentation.ts";
import { context, divider, fields, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { Group } from "../groups/group.ts";
import { needingHandle } from "../people/names.ts";
import { showTime } from "../shared/show-time.ts";
import { onBallot, outcome } from "./closing.ts";
import { inclusionList, receiptHash } from "./record/receipts.ts";
import { isRanked, type BallotChoices, type Election, type ElectionCandidate } from "./election.ts";
import type { ElectionView } from "./service.ts";
import { pageFooter } from "../../render/paging.ts";
import type { Page } from "../shared/page.ts";

export const methodName = (p: Presentation, election: Pick<Election, "method" | "seats">) =>
  p.t(`elections.method.${election.method}` as MessageKey, { seats: election.seats });
export const stateName = (p: Presentation, election: Pick<Election, "state">) => p.t(`elections.state.${election.state}` as MessageKey);

const candidateName = (c: ElectionCandidate) => (c.number !== null ? `${c.number}. ${c.displayName}` : c.displayName);

/**
 * "3. Anna Aalto · kulttuuri · Kulttuuriyhdistys Kipinä (varajäsen: Bertta)"; with `handle` (a
 * look-alike name the organisation does not tell apart) the platform id follows the organisation.
 */
export function candidateLine(p: Presentation, c: ElectionCandidate, handle?: string): string {
  const parts = [candidateName(c), c.sector ?? p.t("elections.no-sector"), c.organisation ?? p.t("elections.no-organisation")];
  if (handle) parts.push(p.t("people.handle", { handle }));
  const deputy = c.deputyName ? ` ${p.t("elections.candidate.deputy", { name: c.deputyName })}` : "";
  const status = c.status === "accepted" ? "" : ` (${p.t(`elections.candidate.${c.status}` as MessageKey)})`;
  return `${parts.join(" · ")}${deputy}${status}`;
}

export function listReply(p: Presentation, group: Group, elections: Page<Election>): Reply {
  if (elections.total === 0) return onlyYou(text(p.t("elections.list.none", { group: group.name })));
  return onlyYou(
    heading(p.t("elections.list.title", { group: group.name, count: elections.total })),
    list(elections.items.map((e) => p.t("elections.list.entry", { id: e.id, title: e.title, method: methodName(p, e), state: stateName(p, e) }))),
    context(p.t("elections.list.footer")),
    ...pageFooter(p, elections, { command: "election list", args: { group: group.name } }),
  );
}

export function showReply(p: Presentation, view: ElectionView): Reply {
  const { election, group, candidates, roll } = view;
  const quotas = Object.entries(election.quotas).map(([sector, max]) => p.t("elections.show.quota", { sector, max }));
  const when = (at: Date | null) => (at ? showTime(p, "dateTime", at) : "—");
  const rows: [string, string][] = [
    [p.t("elections.show.id"), election.id],
    [p.t("elections.show.group"), group.name],
    [p.t("elections.show.method"), methodName(p, election)],
    [p.t("elections.show.seats"), String(election.seats)],
    [p.t("elections.show.state"), stateName(p, election)],
    [p.t("elections.show.deputies"), p.t(`elections.deputy-mode.${election.deputyMode}` as MessageKey)],
    [p.t("elections.show.quotas"), quotas.join(", ") || "—"],
    [p.t("elections.show.candidates"), String(candidates.filter((c) => c.status === "accepted").length)],
  ];
  if (!election.nominationsOpenedAt && election.nominationsPlannedAt) rows.push([p.t("elections.show.nominations-planned"), when(election.nominationsPlannedAt)]);
  if (!election.votingOpenedAt && election.votingPlannedAt) rows.push([p.t("elections.show.voting-planned"), when(election.votingPlannedAt)]);
  if (!election.closedAt && election.votingClosesAt) rows.push([p.t("elections.show.voting-closes"), when(election.votingClosesAt)]);
  if (election.votingOpenedAt) {
    rows.push([p.t("elections.show.voting-opened"), when(election.votingOpenedAt)]);
    rows.push([p.t("elections.show.turnout"), p.t("elections.show.turnout-value", { ...roll })]);
    rows.push([p.t("elections.show.seed-hash"), election.seedHash ?? "—"]);
  }
  if (election.closedAt) {
    rows.push([p.t("elections.show.closed"), when(election.closedAt)]);
    rows.push([p.t("elections.show.seed"), election.seed ?? "—"]);
    rows.push([p.t("elections.show.outcome"), say(p, outcome(election, candidates))]);
  }
  if (election.certifiedAt) rows.push([p.t("elections.show.certified"), when(election.certifiedAt)]);
  const blocks = [heading(election.title), fields(...rows)];
  if (election.criteria.length > 0) blocks.push(text(p.t("elections.criteria.title")), list(election.criteria, true));
  blocks.push(context(p.t(`elections.next.${election.method === "yes-no" && election.state === "draft" ? "draft-yes-no" : election.state}` as MessageKey, { id: election.id })));
  return onlyYou(...blocks);
}

/** The candidates whose look-alike names need their platform id shown (see candidatesReply). */
export const candidatesNeedingHandle = (candidates: readonly ElectionCandidate[]): string[] => {
  const listed = candidates.filter((c) => c.status !== "withdrawn" || c.number !== null);
  const needing = needingHandle(listed.map((c) => ({ id: c.id, name: c.displayName, organisation: c.organisation })));
  return listed.filter((c) => needing.has(c.id)).map((c) => c.personId);
};

/** `handles`: platform ids by person id, for the candidates candidatesNeedingHandle names. */
export function candidatesReply(p: Presentation, view: ElectionView, handles: ReadonlyMap<string, string> = new Map()): Reply {
  const { election, candidates } = view;
  const shown = election.votingOpenedAt ? onBallot(candidates).concat(candidates.filter((c) => c.number === null && c.status !== "withdrawn")) : candidates;
  const visible = shown.filter((c) => c.status !== "withdrawn" || c.number !== null);
  if (visible.length === 0) return onlyYou(text(p.t("elections.candidates.none", { title: election.title, id: election.id })));
  return onlyYou(
    heading(p.t("elections.candidates.title", { title: election.title, count: visible.filter((c) => c.status === "accepted").length })),
    list(visible.map((c) => candidateLine(p, c, handles.get(c.personId)))),
    context(p.t("elections.candidates.footer")),
  );
}

/** The ballot as the voter will cast it: names in order, or the yes/no answer. */
export function ballotLines(p: Presentation, choices: BallotChoices, candidates: readonly ElectionCandidate[]): string[] {
  if (choices.kind === "yes-no") return [p.t(`elections.answer.${choices.answer}` as MessageKey)];
  const byNumber = new Map(candidates.map((c) => [c.number, c]));
  return choices.numbers.map((n) => `${n}. ${byNumber.get(n)?.displayName ?? "?"}`);
}

export function ballotReviewText(p: Presentation, election: Election, choices: BallotChoices, candidates: readonly ElectionCandidate[]): string {
  const key = isRanked(election.method) ? "elections.vote.review-ranked" : "elections.vote.review";
  return p.t(key, { title: election.title, ballot: ballotLines(p, choices, candidates).join("\n") });
}

export function votedReply(p: Presentation, election: Election, receipt: string, yieldsTo: string | null = null): Reply {
  return onlyYou(
    text(p.t("elections.vote.cast", { title: election.title, receipt })),
    ...(yieldsTo ? [context(p.t("elections.vote.deputy-yields", { member: yieldsTo }))] : []),
    context(p.t("elections.vote.receipt-hint", { id: election.id })),
    context(p.t("elections.vote.receipt-check", { check: shownReceiptHash(election.id, receipt) })),
  );
}

/** How much of a receipt's hash chat shows: 64 bits tell a voter's own apart; the record has it whole. */
const shownReceiptHash = (electionId: string, receipt: string) => receiptHash(electionId, receipt).slice(0, 16);

/**
 * The published ballot list: the ballots without receipts, sorted by what they hold (an order that
 * says nothing of who or when), and apart from them the receipts' hashes, sorted. A voter finds
 * their receipt's hash; no line pairs a receipt with choices, so nobody can prove how they voted.
 */
export function ballotsReply(p: Presentation, election: Election, candidates: readonly ElectionCandidate[], ballots: readonly { receipt: string; choices: BallotChoices }[]): Reply {
  if (ballots.length === 0) return onlyYou(text(p.t("elections.ballots.none", { title: election.title })));
  const lines = ballots.map((b) => ballotLines(p, b.choices, candidates).join(" › ")).sort((a, b) => a.localeCompare(b, "fi", { numeric: true }));
  return onlyYou(
    heading(p.t("elections.ballots.title", { title: election.title, count: ballots.length })),
    list(lines),
    context(p.t("elections.ballots.footer")),
    divider(),
    text(p.t("elections.ballots.receipts-title", { count: ballots.length })),
    list(inclusionList(election.id, ballots.map((b) => b.receipt)).map((hash) => `\`${hash.slice(0, 16)}\``)),
    context(p.t("elections.ballots.receipts-footer")),
  );
}

export function acceptReviewText(p: Presentation, election: Election): string {
  if (election.criteria.length === 0) return p.t("elections.accept.review-none", { title: election.title });
  return p.t("elections.accept.review", { title: election.title, criteria: election.criteria.map((c, i) => `${i + 1}. ${c}`).join("\n") });
}
