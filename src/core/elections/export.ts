import { say, type Presentation } from "../../i18n/presentation.ts";
import type { Attachment } from "../../render/reply.ts";
import { writeBlt } from "./blt/write.ts";
import { onBallot, outcome } from "./closing.ts";
import { isListVote, type Election, type ElectionCandidate, type StoredBallot } from "./election.ts";
import { describeRoundEvent, electedExplained, voteFormatter } from "./count-narrative.ts";
import { candidateNames, deputyLines } from "./results-render.ts";
import { methodName } from "./replies.ts";
import { sectorKey } from "../sectors/sector-name.ts";

// BLT cannot carry a double quote or a line break in a name or title.
const bltText = (value: string) => value.replace(/["\r\n]+/g, "'").trim() || "-";

/**
 * The ballots as a BLT file: candidates in ballot-number order, one line per ballot in receipt
 * order, withdrawn candidates listed. `npm run tally -- --method <m> --seats <n> --seed <seed>`
 * counts it to the same result; with sector quotas, add the sectors file and the quotas (see tallyCommand).
 */
export function electionBlt(election: Election, candidates: readonly ElectionCandidate[], ballots: readonly StoredBallot[]): string {
  const listed = onBallot(candidates);
  return writeBlt({
    // BLT has no lists: dhondt and lists read a candidate's list from "Name (List)" (see the tally).
    candidates: listed.map((c) => bltText(isListVote(election.method) && c.list ? `${c.displayName} (${c.list})` : c.displayName)),
    seats: election.seats,
    title: bltText(election.title),
    withdrawn: listed.filter((c) => c.status === "withdrawn").map((c) => c.number!),
    ballots: ballots.flatMap((b) => (b.choices.kind === "candidates" ? [{ weight: 1, ranking: [...b.choices.numbers] }] : [])),
  });
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Results as CSV: one row per candidate, votes at every round, elected and place. */
export function resultsCsv(p: Presentation, election: Election, candidates: readonly ElectionCandidate[]): string {
  const result = election.result;
  if (!result) return "";
  if (result.kind === "yes-no") {
    const c = result.count;
    return [
      [p.t("elections.csv.answer"), p.t("elections.csv.votes")],
      [p.t("elections.answer.yes"), c.yes],
      [p.t("elections.answer.no"), c.no],
      [p.t("elections.answer.abstain"), c.abstain],
    ]
      .map((row) => row.map(csvCell).join(","))
      .join("\n")
      .concat("\n");
  }
  const count = result.count;
  const votes = voteFormatter({ locale: "en" }, count.method);
  const header = [
    p.t("elections.csv.number"),
    p.t("elections.csv.candidate"),
    p.t("elections.csv.sector"),
    p.t("elections.csv.organisation"),
    ...count.rounds.map((r) => p.t("elections.csv.round", { number: r.number })),
    p.t("elections.csv.elected"),
    p.t("elections.csv.place"),
  ];
  const rows = onBallot(candidates).map((c) => {
    const id = String(c.number);
    return [
      c.number!,
      c.displayName,
      c.sector ?? "",
      c.organisation ?? "",
      ...count.rounds.map((r) => (r.votes[id] === undefined ? "" : votes(r.votes[id]))),
      count.elected.includes(id) ? p.t("elections.csv.yes") : p.t("elections.csv.no"),
      count.placement.indexOf(id) + 1,
    ];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n").concat("\n");
}

/** Results as Markdown, for minutes and the newsletter. */
export function resultsMarkdown(p: Presentation, election: Election, candidates: readonly ElectionCandidate[]): string {
  const result = election.result;
  const lines = [`# ${p.t("elections.results.title", { title: election.title })}`, "", say(p, outcome(election, candidates)), ""];
  lines.push(`- ${p.t("elections.show.method")}: ${methodName(p, election)}`, `- ${p.t("elections.show.seats")}: ${election.seats}`);
  if (result?.kind === "candidates") {
    const count = result.count;
    const name = candidateNames(candidates);
    const votes = voteFormatter(p, count.method);
    if (count.quota !== undefined) lines.push(`- ${p.t("elections.results.quota")}: ${votes(count.quota)}`);
    lines.push(`- ${p.t("elections.results.ballots")}: ${p.t("elections.results.ballots-value", { valid: count.validBallots, invalid: count.invalidBallots })}`);
    for (const round of count.rounds) {
      lines.push("", `## ${p.t("tally.report.round", { number: round.number, stage: p.t(`tally.stage.${round.kind}`) })}`, "");
      lines.push(`| ${p.t("elections.csv.candidate")} | ${p.t("elections.csv.votes")} |`, "|---|---:|");
      for (const [id, value] of Object.entries(round.votes)) lines.push(`| ${name(id)} | ${votes(value)} |`);
      if (round.events.length > 0) lines.push("");
      for (const event of round.events) lines.push(`- ${describeRoundEvent(p, event, name, votes)}`);
    }
    lines.push("", `## ${p.t("elections.results.elected-title")}`, "", ...electedExplained(p, count, name, votes).map((l) => `- ${l}`));
    const deputies = deputyLines(p, election, candidates);
    if (deputies.length > 0) lines.push("", `## ${p.t("elections.results.deputies-title")}`, "", ...deputies.map((l) => `- ${l}`));
  } else if (result?.kind === "yes-no") {
    lines.push(`- ${p.t("elections.answer.yes")}: ${result.count.yes}`, `- ${p.t("elections.answer.no")}: ${result.count.no}`, `- ${p.t("elections.answer.abstain")}: ${result.count.abstain}`);
  }
  lines.push("", p.t("elections.results.verify", { seed: election.seed ?? "—", hash: election.seedHash ?? "—", id: election.id }));
  return `${lines.join("\n")}\n`;
}

/** The candidates' sectors, which BLT cannot carry, for `npm run tally -- --sectors`: number,name,sector. */
export function sectorsCsv(candidates: readonly ElectionCandidate[]): string {
  const rows = onBallot(candidates).map((c) => [c.number ?? "", csvCell(c.displayName), csvCell(c.sector ?? "-")].join(","));
  return `${["number,name,sector", ...rows].join("\n")}\n`;
}

const hasQuotas = (election: Election) => Object.keys(election.quotas).length > 0;

// Quoted for a POSIX shell: a sector may contain spaces or quotes of its own.
const quoteArg = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;

/**
 * The exact command that recounts the exported files outside the bot, quotas included. A quota for
 * a sector no candidate has limits nothing, and the tally refuses it as a likely misspelling: left out.
 */
export function tallyCommand(election: Election, candidates: readonly ElectionCandidate[]): string {
  const candidateSectors = new Set(onBallot(candidates).flatMap((c) => (c.sector === null ? [] : [sectorKey(c.sector)])));
  const used = Object.entries(election.quotas).filter(([sector]) => candidateSectors.has(sectorKey(sector)));
  const quotas = used.map(([sector, max]) => `--quota ${quoteArg(`${sector}=${max}`)}`);
  const sectors = used.length > 0 ? [`--sectors ${election.id}-sectors.csv`, ...quotas] : [];
  return ["npm run tally --", "--method", election.method, "--seats", election.seats, "--seed", election.seed ?? "-", ...sectors, `${election.id}.blt`].join(" ");
}

export function electionAttachments(p: Presentation, election: Election, candidates: readonly ElectionCandidate[], ballots: readonly StoredBallot[]): Attachment[] {
  const files: Attachment[] = [];
  if (election.method !== "yes-no") files.push({ filename: `${election.id}.blt`, mimeType: "text/plain", content: electionBlt(election, candidates, ballots) });
  if (election.method !== "yes-no" && hasQuotas(election)) {
    files.push({ filename: `${election.id}-sectors.csv`, mimeType: "text/csv", content: sectorsCsv(candidates) });
  }
  files.push({ filename: `${election.id}-results.csv`, mimeType: "text/csv", content: resultsCsv(p, election, candidates) });
  files.push({ filename: `${election.id}-results.md`, mimeType: "text/markdown", content: resultsMarkdown(p, election, candidates) });
  return files;
}
