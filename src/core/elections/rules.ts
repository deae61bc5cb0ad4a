import { createHash, randomBytes, randomInt } from "node:crypto";
import { refuse } from "../shared/refusal.ts";
import { isRanked, type BallotChoices, type ElectionCandidate, type ElectionMethod, type ElectionState } from "./election.ts";

// Pure rules of the election lifecycle and of ballots: no store, no platform.

export type ElectionStep =
  | "configure"
  | "open-nominations"
  | "nominate"
  | "accept"
  | "withdraw"
  | "open-voting"
  | "vote"
  | "close"
  | "certify"
  | "show-ballots"
  | "nudge"
  | "timetable";

const allowedIn: Record<ElectionStep, readonly ElectionState[]> = {
  configure: ["draft", "nominating"],
  "open-nominations": ["draft"],
  nominate: ["nominating"],
  accept: ["nominating"],
  withdraw: ["nominating", "voting"],
  "open-voting": ["nominating"],
  vote: ["voting"],
  close: ["voting"],
  certify: ["closed"],
  "show-ballots": ["closed", "certified"],
  nudge: ["voting"],
  timetable: ["draft", "nominating", "voting"],
};

/** Whether a step may be taken in a state. A yes/no decision has no nominations: it opens from draft. */
export function stepAllowed(step: ElectionStep, state: ElectionState, method: ElectionMethod): boolean {
  if (method === "yes-no") {
    if (step === "open-voting") return state === "draft";
    if (["open-nominations", "nominate", "accept", "withdraw"].includes(step)) return false;
  }
  return allowedIn[step].includes(state);
}

/** The states a step can be taken in, for telling the user. */
export const statesFor = (step: ElectionStep, method: ElectionMethod): ElectionState[] =>
  (["draft", "nominating", "voting", "closed", "certified"] as const).filter((s) => stepAllowed(step, s, method));

/** Method and seats agree: IRV elects one; a yes/no decision has no seats to fill. */
export function seatsValid(method: ElectionMethod, seats: number): boolean {
  if (method === "irv" || method === "yes-no") return seats === 1;
  return seats >= 1;
}

const receiptAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A receipt a voter can read aloud and find in the published list: "K7M2-Q9XP". */
export const newReceipt = (): string => {
  const chars = Array.from({ length: 8 }, () => receiptAlphabet[randomInt(receiptAlphabet.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
};

export const newSeed = (): string => randomBytes(16).toString("hex");
export const seedHash = (seed: string): string => createHash("sha256").update(seed, "utf8").digest("hex");

const answers: Record<string, "yes" | "no" | "abstain"> = {
  yes: "yes", kyllä: "yes", kylla: "yes", jaa: "yes", ja: "yes",
  no: "no", ei: "no", nej: "no",
  abstain: "abstain", tyhjä: "abstain", tyhja: "abstain", blank: "abstain", avstår: "abstain", avstar: "abstain",
};

const nameKey = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase("fi");

/**
 * Reads what a voter typed into a ballot. Candidates are named by their ballot number or by name
 * (names may have spaces; the longest name that matches wins), separated by spaces or commas.
 * Refuses (nothing is stored) when a choice is unknown, withdrawn, repeated or too many.
 */
export function parseBallot(
  method: ElectionMethod,
  seats: number,
  onBallot: readonly Pick<ElectionCandidate, "number" | "displayName" | "status">[],
  input: string,
): BallotChoices {
  const words = input.replace(/,/g, " ").split(/\s+/).filter(Boolean);
  if (method === "yes-no") {
    const answer = words.length === 1 ? answers[nameKey(words[0]!)] : undefined;
    if (!answer) refuse("election.yes-no-answer", { given: input });
    return { kind: "yes-no", answer };
  }
  const candidates = onBallot.filter((c) => c.number !== null);
  const numbers: number[] = [];
  for (let i = 0; i < words.length; ) {
    let matched: (typeof candidates)[number] | undefined;
    let used = 1;
    const word = words[i]!;
    if (/^\d+$/.test(word)) matched = candidates.find((c) => c.number === Number(word));
    else {
      for (let j = words.length; j > i && !matched; j--) {
        const phrase = nameKey(words.slice(i, j).join(" "));
        matched = candidates.find((c) => nameKey(c.displayName) === phrase);
        if (matched) used = j - i;
      }
      if (!matched) {
        const starting = candidates.filter((c) => nameKey(c.displayName).split(" ")[0] === nameKey(word));
        if (starting.length === 1) matched = starting[0];
      }
    }
    if (!matched) refuse("election.unknown-choice", { given: word });
    if (matched.status === "withdrawn") refuse("election.choice-withdrawn", { name: matched.displayName });
    if (numbers.includes(matched.number!)) refuse("election.choice-repeated", { name: matched.displayName });
    numbers.push(matched.number!);
    i += used;
  }
  if (numbers.length === 0) refuse("election.no-choices");
  if (method === "plurality" && numbers.length > seats) refuse("election.too-many-choices", { max: seats, given: numbers.length });
  if (method === "irv" || method === "stv" || method === "approval" || method === "plurality") return { kind: "candidates", numbers };
  return { kind: "candidates", numbers };
}

/**
 * Next-placed deputies: for each elected member in order of election, the best placed candidate
 * not elected and not yet a deputy, from the same sector (no sector matches no sector).
 */
export function nextPlacedDeputies(
  placement: readonly string[],
  elected: readonly string[],
  sectorOf: (id: string) => string | null,
): Record<string, string> {
  const taken = new Set(elected);
  const deputies: Record<string, string> = {};
  for (const member of elected) {
    const deputy = placement.find((id) => !taken.has(id) && sectorOf(id) === sectorOf(member));
    if (deputy) {
      deputies[member] = deputy;
      taken.add(deputy);
    }
  }
  return deputies;
}

export { isRanked };
