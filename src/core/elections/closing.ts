import { msg, type Message } from "../../i18n/translate.ts";
import { countElection, countYesNo, type Candidate, type ElectionToCount } from "./counting/index.ts";
import type { Election, ElectionCandidate, ElectionResult, StoredBallot } from "./election.ts";
import { nextPlacedDeputies } from "./rules.ts";

/** Candidates on the ballot, in ballot-number order: their numbers (as text) are the count's ids. */
export const onBallot = (candidates: readonly ElectionCandidate[]): ElectionCandidate[] =>
  candidates.filter((c) => c.number !== null).sort((a, b) => a.number! - b.number!);

/**
 * What the counting library needs. Candidate ids are ballot numbers and ballots come in receipt
 * order: exactly what the exported BLT file holds, so a recount of the file agrees (ties too).
 */
export function toCount(election: Election, candidates: readonly ElectionCandidate[], ballots: readonly StoredBallot[]): ElectionToCount {
  const listed = onBallot(candidates);
  const countCandidates: Candidate[] = listed.map((c) => ({ id: String(c.number), name: c.displayName, ...(c.sector ? { sector: c.sector } : {}), ...(c.list ? { list: c.list } : {}) }));
  const withdrawn = listed.filter((c) => c.status === "withdrawn").map((c) => String(c.number));
  const options = {
    seats: election.seats,
    seed: election.seed ?? undefined,
    ...(Object.keys(election.quotas).length > 0 ? { quotas: { ...election.quotas } } : {}),
    ...(withdrawn.length > 0 ? { withdrawn } : {}),
  };
  const numbers = ballots.flatMap((b) => (b.choices.kind === "candidates" ? [b.choices.numbers.map(String)] : []));
  if (election.method === "irv" || election.method === "stv" || election.method === "harmonic") {
    return { method: election.method, candidates: countCandidates, ballots: numbers.map((ranking) => ({ ranking })), options };
  }
  if (election.method === "yes-no") throw new Error("a yes/no decision is not a candidate count");
  return { method: election.method, candidates: countCandidates, ballots: numbers.map((marks) => ({ marks })), options };
}

/** Counts the ballots and, in next-placed mode, picks each elected member's deputy from the placement. */
export function countFor(election: Election, candidates: readonly ElectionCandidate[], ballots: readonly StoredBallot[]): ElectionResult {
  if (election.method === "yes-no") {
    return { kind: "yes-no", count: countYesNo(ballots.flatMap((b) => (b.choices.kind === "yes-no" ? [{ choice: b.choices.answer }] : []))) };
  }
  const count = countElection(toCount(election, candidates, ballots));
  const byNumber = new Map(onBallot(candidates).map((c) => [String(c.number), c]));
  let deputies: Record<string, string> = {};
  if (election.deputyMode === "next-placed") {
    const eligible = count.placement.filter((id) => byNumber.get(id)?.status !== "withdrawn");
    deputies = nextPlacedDeputies(eligible, count.elected, (id) => byNumber.get(id)?.sector ?? null);
  }
  return { kind: "candidates", count, deputies };
}

/** The elected, by name, for announcements and the audit log. */
export function electedNames(election: Election, candidates: readonly ElectionCandidate[]): string {
  const result = election.result;
  if (!result || result.kind !== "candidates") return "—";
  const byNumber = new Map(candidates.map((c) => [String(c.number), c.displayName]));
  return result.count.elected.map((id) => byNumber.get(id) ?? id).join(", ") || "—";
}

/** The outcome in words: who was elected, or whether the decision passed. */
export function outcome(election: Election, candidates: readonly ElectionCandidate[]): Message {
  const result = election.result;
  if (result?.kind === "yes-no") {
    return msg(result.count.passed ? "elections.outcome.passed" : "elections.outcome.rejected", { yes: result.count.yes, no: result.count.no, abstain: result.count.abstain });
  }
  return msg("elections.outcome.elected", { names: electedNames(election, candidates) });
}
