import type { MessageKey } from "../../../i18n/catalogues.ts";
import { CountingInputError } from "../counting/index.ts";
import { canonicalJson, sha256Hex } from "./canonical.ts";
import { countOfRecord } from "./recount.ts";
import { electionRecordSchema, type ElectionRecord } from "./schema.ts";

/** One thing that does not hold, as a message key and its parameters (the CLI words it). */
export interface RecordProblem {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface Verification {
  readonly record: ElectionRecord | null;
  /** SHA-256 of the record's canonical form (what was announced), or null when it is not JSON. */
  readonly hash: string | null;
  /** Whether the text is the canonical form itself (then `sha256sum` of the file gives the hash too). */
  readonly canonical: boolean;
  readonly problems: RecordProblem[];
}

const problem = (key: MessageKey, params: Record<string, string | number> = {}): RecordProblem => ({ key, params });
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const shown = (value: unknown) => (value === undefined ? "—" : Array.isArray(value) ? value.join(", ") || "—" : String(value));

/**
 * Checks an election record: its hash against the announced one (when given), the lot seed
 * against the hash published when voting opened, the ballots against turnout and the receipt
 * list, every ballot against the candidates, and a recount (countOfRecord) against every round,
 * the result and the deputies. Pure: the CLI reads the file and prints.
 */
export function verifyRecord(text: string, announcedHash?: string): Verification {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { record: null, hash: null, canonical: false, problems: [problem("verify.problem.schema", { detail: (error as Error).message })] };
  }
  const canonicalText = canonicalJson(raw);
  const hash = sha256Hex(canonicalText);
  const problems: RecordProblem[] = [];
  if (announcedHash !== undefined && announcedHash.trim().toLowerCase() !== hash) problems.push(problem("verify.problem.hash", { actual: hash, expected: announcedHash.trim() }));
  const parsed = electionRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    problems.push(problem("verify.problem.schema", { detail: `${issue.path.join(".") || "/"}: ${issue.message}` }));
    return { record: null, hash, canonical: text === canonicalText, problems };
  }
  const record = parsed.data;
  if (sha256Hex(record.lot.seed) !== record.lot.seedHash) problems.push(problem("verify.problem.seed", { hash: record.lot.seedHash }));
  const { roll } = record;
  if (roll.voted > roll.voters || roll.byDeputy > roll.voted) problems.push(problem("verify.problem.roll", { ...roll }));
  if (record.ballots.length !== roll.voted) problems.push(problem("verify.problem.turnout", { ballots: record.ballots.length, voted: roll.voted }));
  if (record.receipts.length !== record.ballots.length) problems.push(problem("verify.problem.receipts", { receipts: record.receipts.length, ballots: record.ballots.length }));
  problems.push(...ballotProblems(record));
  if (problems.some((p) => p.key.startsWith("verify.problem.ballot"))) return { record, hash, canonical: text === canonicalText, problems };

  let outcome: ReturnType<typeof countOfRecord>;
  try {
    outcome = countOfRecord(record);
  } catch (error) {
    if (!(error instanceof CountingInputError)) throw error;
    problems.push(problem("verify.problem.schema", { detail: error.message }));
    return { record, hash, canonical: text === canonicalText, problems };
  }
  const recorded = record.count as Record<string, unknown>;
  const recount = outcome.count as unknown as Record<string, unknown>;
  if ("rounds" in recount && "rounds" in recorded) {
    const ours = recount.rounds as unknown[];
    const theirs = recorded.rounds as unknown[];
    for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
      if (!same(ours[i], theirs[i])) {
        problems.push(problem("verify.problem.rounds", { round: i + 1 }));
        break;
      }
    }
  }
  for (const field of new Set([...Object.keys(recount), ...Object.keys(recorded)])) {
    if (field === "rounds" || same(recount[field], recorded[field])) continue;
    problems.push(problem("verify.problem.result", { field, recount: shown(recount[field]), recorded: shown(recorded[field]) }));
  }
  if (outcome.kind === "candidates" && !same(outcome.deputies, record.deputies)) problems.push(problem("verify.problem.deputies"));
  return { record, hash, canonical: text === canonicalText, problems };
}

/** Every ballot must fit the method: known candidate numbers, none twice; or a yes/no answer. */
function ballotProblems(record: ElectionRecord): RecordProblem[] {
  const numbers = new Set(record.candidates.map((c) => c.number));
  const yesNo = record.election.method === "yes-no";
  const problems: RecordProblem[] = [];
  record.ballots.forEach((ballot, at) => {
    const number = at + 1;
    if (yesNo !== (typeof ballot === "string")) problems.push(problem("verify.problem.ballot-kind", { number }));
    else if (Array.isArray(ballot)) {
      const unknown = ballot.find((n) => !numbers.has(n));
      if (unknown !== undefined) problems.push(problem("verify.problem.ballot-unknown", { number, candidate: unknown }));
      else if (new Set(ballot).size !== ballot.length) problems.push(problem("verify.problem.ballot-twice", { number }));
    }
  });
  return problems;
}
