import { createHash, randomBytes, randomInt } from "node:crypto";
import { namesConfusable } from "../people/names.ts";
import { lineTokens } from "../shared/words.ts";
import { refuse } from "../shared/refusal.ts";
import { isRanked, maxChoices, type BallotChoices, type ElectionCandidate, type ElectionMethod, type ElectionState } from "./election.ts";

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
  | "timetable"
  | "tellers";

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
  tellers: ["draft", "nominating", "voting", "closed"],
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
  abstain: "abstain", tyhjä: "abstain", tyhja: "abstain", blank: "abstain", blankt: "abstain", avstår: "abstain", avstar: "abstain",
};

const nameKey = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase("fi");

type BallotEntry = Pick<ElectionCandidate, "number" | "displayName" | "status"> & Partial<Pick<ElectionCandidate, "organisation" | "electionId">>;

/**
 * Reads what a voter typed into a ballot. Candidates are named by their ballot number or by name
 * (names may have spaces; the longest name that matches wins; a first name alone will do when only
 * one candidate has it), separated by spaces or commas. Names match case-insensitively and by their
 * Unicode skeleton, so a look-alike letter cannot pick a different candidate. Refuses (nothing is
 * stored) when a choice is unknown, ambiguous, withdrawn, repeated or too many.
 */
export function parseBallot(method: ElectionMethod, seats: number, onBallot: readonly BallotEntry[], input: string): BallotChoices {
  // A name in quotes is one choice ("Anna Aalto"); commas separate like spaces.
  const words = lineTokens(input.replace(/,/g, " ")).map((token) => token.text).filter(Boolean);
  if (method === "yes-no") {
    const answer = words.length === 1 ? answers[nameKey(words[0]!)] : undefined;
    if (!answer) refuse("election.yes-no-answer", { given: input });
    return { kind: "yes-no", answer };
  }
  const candidates = onBallot.filter((c) => c.number !== null);
  const numbers: number[] = [];
  const ambiguous = (given: string, matches: readonly BallotEntry[]): never =>
    refuse("election.choice-ambiguous", {
      given,
      choices: matches.map((c) => `${c.number}. ${c.displayName}${c.organisation ? ` (${c.organisation})` : ""}`).join(" | "),
      example: `election vote ${candidates[0]?.electionId ?? "<id>"} ${[...numbers, matches[0]!.number].join(" ")}`,
    });
  for (let i = 0; i < words.length; ) {
    let matched: BallotEntry | undefined;
    let used = 1;
    const word = words[i]!;
    if (/^\d+$/.test(word)) matched = candidates.find((c) => c.number === Number(word));
    else {
      for (let j = words.length; j > i && !matched; j--) {
        const phrase = words.slice(i, j).join(" ");
        const matches = candidates.filter((c) => namesConfusable(c.displayName, phrase));
        if (matches.length > 1) ambiguous(phrase, matches);
        matched = matches[0];
        if (matched) used = j - i;
      }
      if (!matched) {
        const starting = candidates.filter((c) => namesConfusable(firstName(c.displayName), word));
        if (starting.length > 1) ambiguous(word, starting);
        matched = starting[0];
      }
    }
    if (!matched) refuse("election.unknown-choice", { given: word });
    if (matched.status === "withdrawn") refuse("election.choice-withdrawn", { name: matched.displayName });
    if (numbers.includes(matched.number!)) refuse("election.choice-repeated", { name: matched.displayName });
    numbers.push(matched.number!);
    i += used;
  }
  if (numbers.length === 0) refuse("election.no-choices");
  const max = maxChoices(method, seats);
  if (max !== null && numbers.length > max) refuse("election.too-many-choices", { max, given: numbers.length });
  return { kind: "candidates", numbers };
}

const firstName = (name: string) => nameKey(name).split(" ")[0] ?? "";

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
