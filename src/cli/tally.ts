/**
 * Counts a BLT file from the command line, so anyone can check a published result outside the bot:
 *
 *     npm run tally -- --method stv --seats 3 path/to/ballots.blt
 *
 * Several files are counted one after another in one process (`npm run tally -- wards/*.blt`), so a
 * recount of many elections pays for Node's and npm's start once.
 *
 * Exit codes: 0 counted, 2 bad option or malformed file (a localized message on stderr, no stack).
 */
import { describeRoundEvent, voteFormatter } from "../core/elections/count-narrative.ts";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseBlt, type BltElection, type BltIssue } from "../core/elections/blt/parse.ts";
import {
  candidateMethodSchema,
  countRanked,
  DEFAULT_LOT_SEED,
  type CandidateMethod,
  type CountResult,
  type RoundEvent,
} from "../core/elections/counting/index.ts";
import { sectorKey } from "../core/sectors/sector-name.ts";
import { isLocale, type Locale } from "../i18n/locale.ts";
import { tallyTranslator, type TallyKey, type TallyTranslator } from "../i18n/tally-words.ts";
import { helpText, problemParams, readArguments, type ArgumentProblem, type CliOption } from "./arguments.ts";

export interface TallyIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
}

const EXIT_OK = 0;
const EXIT_USAGE = 2;

/** A problem worth telling the user about: a message key, never a stack trace. */
class UsageProblem {
  constructor(
    readonly key: TallyKey,
    readonly params: Record<string, string | number> = {},
  ) {}
}

interface TallyOptions {
  method: string;
  seats?: string;
  seed: string;
  json: boolean;
  sectors?: string;
  quota: readonly string[];
}

/** Runs the tally with argv (without node and the script) and returns the exit code. */
export async function runTally(argv: readonly string[], io: TallyIo): Promise<number> {
  let locale: Locale = isLocale(io.env.DEFAULT_LOCALE) ? io.env.DEFAULT_LOCALE : "fi";
  let t = tallyTranslator(locale);
  try {
    const requested = requestedLanguage(argv);
    if (requested !== undefined) {
      if (!isLocale(requested)) throw new UsageProblem("tally.error.bad-lang", { value: requested });
      locale = requested;
      t = tallyTranslator(locale);
    }
    const parsed = parseArguments(argv, io, t);
    if (parsed === "help-shown") return EXIT_OK;
    const { files, options } = parsed;
    const method = parseMethod(options.method);
    const seatsOption = options.seats === undefined ? undefined : parseSeats(options.seats);
    // They describe one election; with many files they would be applied to each without a word.
    if (files.length > 1 && (options.seats !== undefined || options.sectors !== undefined || options.quota.length > 0)) throw new UsageProblem("tally.error.one-election-options");
    if (method === "irv" && seatsOption !== undefined && seatsOption !== 1) throw new UsageProblem("tally.error.irv-one-seat");
    const quotas = parseQuotas(options.quota);
    // BLT carries no sectors: a quota without the sectors file would silently count without it.
    if (Object.keys(quotas).length > 0 && options.sectors === undefined) throw new UsageProblem("tally.error.quota-needs-sectors");

    // Every file is read and checked before any is counted: a bad one prints nothing but its refusal.
    const elections: { file: string; election: BltElection }[] = [];
    for (const file of files) elections.push({ file, election: await readElection(io, t, file) });
    const counted: string[] = [];
    for (const { file, election } of elections) {
      const seats = method === "irv" ? 1 : (seatsOption ?? election.seats);
      const sectors = options.sectors === undefined ? new Map<string, string>() : await readSectors(io, options.sectors, election.candidates.length);
      requireQuotaSectors(quotas, sectors, options.sectors ?? "");
      const result = countBlt(election, method, seats, options.seed, sectors, quotas);
      const names = displayNames(election.candidates);
      const named = files.length > 1 ? { file } : {};
      counted.push(
        options.json
          ? `${JSON.stringify({ ...named, ...toJson(result, election, names, options.seed) })}\n`
          : `${files.length > 1 ? `${t("tally.report.file", { file })}\n` : ""}${report({ t, locale }, result, election, names, options.seed)}`,
      );
    }
    // Reports one after another with a blank line between; JSON one object a line.
    io.stdout(counted.join(options.json ? "" : "\n"));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageProblem) {
      io.stderr(`${t(error.key, error.params)}\n${t("tally.cli.example")}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** The language must be known before the help or a refusal is written, so --lang is read first. */
function requestedLanguage(argv: readonly string[]): string | undefined {
  for (const [position, argument] of argv.entries()) {
    if (argument === "--lang") return argv[position + 1];
    if (argument.startsWith("--lang=")) return argument.slice("--lang=".length);
  }
  return undefined;
}

const tallyOptions = (t: TallyTranslator): CliOption[] => [
  { name: "method", value: "<method>", help: t("tally.cli.method") },
  { name: "seats", value: "<n>", help: t("tally.cli.seats") },
  { name: "seed", value: "<seed>", help: t("tally.cli.seed", { seed: DEFAULT_LOT_SEED }) },
  { name: "sectors", value: "<file>", help: t("tally.cli.sectors") },
  { name: "quota", value: "<sector=max>", multiple: true, help: t("tally.cli.quota") },
  { name: "json", help: t("tally.cli.json") },
  { name: "lang", value: "<lang>", help: t("tally.cli.lang") },
];

function parseArguments(argv: readonly string[], io: TallyIo, t: TallyTranslator): { files: readonly string[]; options: TallyOptions } | "help-shown" {
  const options = tallyOptions(t);
  const read = readArguments(argv, options);
  if (read.kind === "help") {
    const words = { usage: t("tally.cli.usage"), description: t("tally.cli.description"), file: t("tally.cli.file"), help: t("tally.cli.help"), example: t("tally.cli.example") };
    io.stdout(helpText(words, options));
    return "help-shown";
  }
  if (read.kind === "problem") throw new UsageProblem(refusalKeys[read.problem.kind], problemParams(read.problem));
  const { method, seats, seed, sectors, quota, json } = read.values;
  return {
    files: read.files,
    options: {
      method: typeof method === "string" ? method : "stv",
      ...(typeof seats === "string" ? { seats } : {}),
      seed: typeof seed === "string" ? seed : DEFAULT_LOT_SEED,
      ...(typeof sectors === "string" ? { sectors } : {}),
      quota: Array.isArray(quota) ? quota : [],
      json: json === true,
    },
  };
}

const refusalKeys: Readonly<Record<ArgumentProblem["kind"], TallyKey>> = {
  "unknown-option": "tally.error.unknown-option",
  "missing-value": "tally.error.missing-value",
  "missing-file": "tally.error.missing-file",
};

function parseMethod(value: string): CandidateMethod {
  const method = candidateMethodSchema.safeParse(value);
  if (!method.success) throw new UsageProblem("tally.error.bad-method", { value });
  return method.data;
}

function parseSeats(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageProblem("tally.error.bad-seats", { value });
  return Number(value);
}

const describeIssue = (t: TallyTranslator, issue: BltIssue): string => t(`tally.${issue.code}`, issue.params);

async function readElection(io: TallyIo, t: TallyTranslator, file: string): Promise<BltElection> {
  const text = await io.readFile(file).catch(() => {
    throw new UsageProblem("tally.error.read-file", { file });
  });
  const read = parseBlt(text);
  if (!read.ok) throw new UsageProblem("tally.error.file-line", { file, line: read.issue.line, problem: describeIssue(t, read.issue) });
  return read.election;
}

/**
 * BLT candidates are numbered from 1; those numbers (as text) are the candidate ids of the count.
 * BLT has no sectors: they come from --sectors, the quotas from --quota, so that a count with
 * sector quotas can be re-run outside the bot too.
 */
function countBlt(
  election: BltElection,
  method: CandidateMethod,
  seats: number,
  seed: string,
  sectors: ReadonlyMap<string, string>,
  quotas: Readonly<Record<string, number>>,
): CountResult {
  const candidates = election.candidates.map((name, position) => {
    const sector = sectors.get(String(position + 1));
    const list = method === "dhondt" || method === "lists" ? listInName(name) : undefined;
    return { id: String(position + 1), ...(sector === undefined ? {} : { sector }), ...(list === undefined ? {} : { list }) };
  });
  const ballots = election.ballots.map((ballot) => ({ weight: ballot.weight, ranking: ballot.ranking.map(String) }));
  const withQuotas = Object.keys(quotas).length > 0 ? { quotas } : {};
  return countRanked(method, candidates, ballots, { seats, seed, withdrawn: election.withdrawn.map(String), ...withQuotas });
}

/**
 * BLT has no lists: for dhondt and lists a candidate's list is the end of their name in
 * parentheses, "Anna Aalto (Vihreä lista)" (what `election export` writes); without one the
 * candidate stands alone, as a list of one.
 */
export const listInName = (name: string): string | undefined => /\(([^()]+)\)\s*$/.exec(name)?.[1]?.trim() || undefined;

/** `--quota kulttuuri=1 --quota liikunta=2` → { kulttuuri: 1, liikunta: 2 }. */
function parseQuotas(values: readonly string[]): Record<string, number> {
  const quotas: Record<string, number> = {};
  for (const value of values) {
    const match = /^(.+)=(\d+)$/.exec(value.trim());
    if (!match?.[1] || !match[2]) throw new UsageProblem("tally.error.bad-quota", { value });
    quotas[match[1].trim()] = Number(match[2]);
  }
  return quotas;
}

/** A quota for a sector no candidate has is a misspelling, or the wrong file: it would limit nothing. */
function requireQuotaSectors(quotas: Readonly<Record<string, number>>, sectors: ReadonlyMap<string, string>, file: string): void {
  const known = new Map<string, string>();
  for (const sector of sectors.values()) if (!known.has(sectorKey(sector))) known.set(sectorKey(sector), sector);
  for (const sector of Object.keys(quotas)) {
    if (!known.has(sectorKey(sector))) {
      throw new UsageProblem("tally.error.quota-unknown-sector", { sector, file, sectors: [...known.values()].join(", ") || "—" });
    }
  }
}

/**
 * The candidates' sectors: a CSV file whose rows start with the candidate's number in the BLT file
 * and end with the sector (what `election export` writes: `number,name,sector`). A header row is
 * allowed.
 */
async function readSectors(io: TallyIo, file: string, candidateCount: number): Promise<Map<string, string>> {
  const text = await io.readFile(file).catch(() => {
    throw new UsageProblem("tally.error.read-file", { file });
  });
  const sectors = new Map<string, string>();
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === "" || (index === 0 && !/^\d/.test(line))) continue;
    const cells = line.split(",").map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));
    const number = Number(cells[0]);
    const sector = cells.at(-1) ?? "";
    if (!Number.isInteger(number) || number < 1 || number > candidateCount || cells.length < 2 || sector === "") {
      throw new UsageProblem("tally.error.sectors-line", { file, line: index + 1, count: candidateCount });
    }
    // "-": the candidate has no sector (what election export writes for them).
    if (sector !== "-") sectors.set(String(number), sector);
  }
  return sectors;
}

/** Names by candidate id; a name used twice gets its candidate number so rows stay apart. */
function displayNames(candidates: readonly string[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const name of candidates) uses.set(name, (uses.get(name) ?? 0) + 1);
  return new Map(candidates.map((name, position) => [String(position + 1), uses.get(name)! > 1 ? `${name} (#${position + 1})` : name]));
}

function toJson(result: CountResult, election: BltElection, names: Map<string, string>, seed: string) {
  const name = (id: string) => names.get(id)!;
  const nameEvent = (event: RoundEvent) => ("candidate" in event ? { ...event, candidate: name(event.candidate) } : event);
  return {
    title: election.title,
    method: result.method,
    seats: result.seats,
    ...(result.quota === undefined ? {} : { quota: result.quota }),
    seed,
    validBallots: result.validBallots,
    invalidBallots: result.invalidBallots,
    candidates: election.candidates.map((_, position) => name(String(position + 1))),
    elected: result.elected.map(name),
    placement: result.placement.map(name),
    rounds: result.rounds.map((round) => ({
      ...round,
      votes: Object.fromEntries(Object.entries(round.votes).map(([id, votes]) => [name(id), votes])),
      events: round.events.map(nameEvent),
    })),
    ties: result.ties.map((tie) => ({ ...tie, candidates: tie.candidates.map(name), chosen: name(tie.chosen) })),
  };
}


function report(p: { readonly t: TallyTranslator; readonly locale: Locale }, result: CountResult, election: BltElection, names: Map<string, string>, seed: string): string {
  const { t } = p;
  // STV values carry five decimals (transfer values are truncated there); other methods count whole votes.
  const votes = voteFormatter(p, result.method);
  const name = (id: string) => names.get(id)!;
  const width = Math.max(...[...names.values()].map((text) => text.length), t("tally.report.non-transferable").length);
  const row = (label: string, value: string) => `  ${label.padEnd(width)}  ${value.padStart(12)}`;

  const lines = [
    t("tally.report.title", { title: election.title }),
    t("tally.report.method", { method: t(`tally.method.${result.method}`, { seats: result.seats }) }),
    t("tally.report.seats", { seats: result.seats }),
    t("tally.report.ballots", { valid: result.validBallots, invalid: result.invalidBallots }),
  ];
  if (result.method === "stv" && result.quota !== undefined) lines.push(t("tally.report.quota", { quota: result.quota }));
  for (const round of result.rounds) {
    lines.push("", t("tally.report.round", { number: round.number, stage: t(`tally.stage.${round.kind}`) }));
    for (const [id, value] of Object.entries(round.votes)) lines.push(row(name(id), votes(value)));
    if (result.method === "stv" || result.method === "irv") lines.push(row(t("tally.report.non-transferable"), votes(round.nonTransferable)));
    if (round.lists) lines.push(`  ${t("tally.report.lists", { lists: Object.entries(round.lists).map(([list, total]) => `${list.startsWith("#") ? name(list.slice(1)) : list} ${votes(total)}`).join(", ") })}`);
    if (round.threshold !== undefined) lines.push(`  ${t("tally.report.threshold", { threshold: round.threshold })}`);
    for (const event of round.events) lines.push(`  • ${describeRoundEvent(p, event, name, votes)}`);
  }
  lines.push("", result.elected.length > 0 ? t("tally.report.elected", { names: result.elected.map(name).join(", ") }) : t("tally.report.none-elected"));
  lines.push(t("tally.report.placement"), ...result.placement.map((id, place) => `  ${place + 1}. ${name(id)}`));
  if (result.ties.length > 0) {
    lines.push(t("tally.report.ties"));
    for (const tie of result.ties) {
      lines.push(`  ${t("tally.report.tie", { round: tie.round, candidates: tie.candidates.map(name).join(", "), chosen: name(tie.chosen), how: t(`tally.tie.${tie.reason}`) })}`);
    }
  }
  lines.push(t("tally.report.seed", { seed }));
  return `${lines.join("\n")}\n`;
}

const nodeIo: TallyIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Read whole and at once: the promise API would load Node's streams, a tenth of a short count's start.
  readFile: async (path) => readFileSync(path, "utf8"),
  env: process.env,
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runTally(process.argv.slice(2), nodeIo).then((code) => {
    process.exitCode = code;
  });
}
