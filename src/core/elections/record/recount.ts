import { countElection, countYesNo, type Candidate, type CountOptions, type CountResult, type YesNoResult } from "../counting/index.ts";
import { nextPlacedDeputies } from "../rules.ts";
import type { ElectionRecord } from "./schema.ts";

export type RecordOutcome =
  | { readonly kind: "candidates"; readonly count: CountResult; readonly deputies: Record<string, string> }
  | { readonly kind: "yes-no"; readonly count: YesNoResult };

/**
 * Counts the record's ballots with the record's own method, seed, seats, quotas, lists and
 * withdrawals: a pure function from the record to its rounds and result (what `npm run verify`
 * compares, and what a results page can draw). Throws CountingInputError for a ballot naming a
 * candidate the record does not have.
 */
export function countOfRecord(record: ElectionRecord): RecordOutcome {
  const { election } = record;
  if (election.method === "yes-no") {
    const answers = record.ballots.filter((b): b is "yes" | "no" | "abstain" => typeof b === "string");
    return { kind: "yes-no", count: countYesNo(answers.map((choice) => ({ choice }))) };
  }
  const listed = [...record.candidates].sort((a, b) => a.number - b.number);
  const candidates: Candidate[] = listed.map((c) => ({ id: String(c.number), name: c.name, ...(c.sector ? { sector: c.sector } : {}), ...(c.list ? { list: c.list } : {}) }));
  const withdrawn = listed.filter((c) => c.withdrawn).map((c) => String(c.number));
  const options: CountOptions = {
    seats: election.seats,
    seed: record.lot.seed,
    ...(Object.keys(election.quotas).length > 0 ? { quotas: { ...election.quotas } } : {}),
    ...(withdrawn.length > 0 ? { withdrawn } : {}),
  };
  const numbers = record.ballots.filter((b): b is number[] => Array.isArray(b)).map((b) => b.map(String));
  const count =
    election.method === "irv" || election.method === "stv" || election.method === "harmonic"
      ? countElection({ method: election.method, candidates, ballots: numbers.map((ranking) => ({ ranking })), options })
      : countElection({ method: election.method, candidates, ballots: numbers.map((marks) => ({ marks })), options });
  let deputies: Record<string, string> = {};
  if (election.deputyMode === "next-placed") {
    const byNumber = new Map(listed.map((c) => [String(c.number), c]));
    const eligible = count.placement.filter((id) => !byNumber.get(id)?.withdrawn);
    deputies = nextPlacedDeputies(eligible, count.elected, (id) => byNumber.get(id)?.sector ?? null);
  }
  return { kind: "candidates", count, deputies };
}
