// zod's mini build: the counting is also the tally CLI's whole work, and the mini build's checks are
// a few kilobytes where the full build is some 280 kB for that command to read and run at each start.
import * as z from "zod/mini";

/**
 * Methods that elect candidates (all but the yes/no decision). dhondt, lists and harmonic: the
 * Associations Act's proportional methods (yhdistyslaki 29 § 3 mom.).
 */
const candidateMethods = ["plurality", "approval", "irv", "stv", "dhondt", "lists", "harmonic"] as const;

/** The counting methods an election can use. */
export const methodSchema = z.enum([...candidateMethods, "yes-no-abstain"]);
export type Method = z.infer<typeof methodSchema>;

export const candidateMethodSchema = z.enum(candidateMethods);
export type CandidateMethod = z.infer<typeof candidateMethodSchema>;

export type CandidateId = string;

/** Identical ballots counted as one: a whole number, at least one. */
const weightSchema = z.optional(z.int().check(z.minimum(1)));

export const candidateSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.optional(z.string()),
  /** Toimiala: culture, sports, … Sector quotas limit how many seats one sector may take. */
  sector: z.optional(z.string()),
  /** The list (electoral alliance) the candidate stands on: dhondt and lists count votes per list. */
  list: z.optional(z.string()),
});
export type Candidate = z.infer<typeof candidateSchema>;

/** How many seats each sector may take at most; sectors not listed are unlimited. */
export const sectorQuotasSchema = z.record(z.string(), z.int().check(z.minimum(0)));
export type SectorQuotas = z.infer<typeof sectorQuotasSchema>;

export const countOptionsSchema = z.object({
  seats: z.int().check(z.minimum(1)),
  quotas: z.optional(sectorQuotasSchema),
  /** The seed for ties decided by lot; publish its hash when voting opens, the seed after. */
  seed: z.optional(z.string()),
  /** Candidates who withdrew after ballots were printed: skipped on every ballot. */
  withdrawn: z.optional(z.array(z.string())),
});
export type CountOptions = z.infer<typeof countOptionsSchema>;

/** A ranked ballot (IRV, STV): candidate ids, most preferred first. `weight` = identical ballots. */
export const rankedBallotSchema = z.object({
  ranking: z.array(z.string()),
  weight: weightSchema,
});
export type RankedBallot = z.infer<typeof rankedBallotSchema>;

/** A marked ballot (plurality: up to `seats` marks; approval: any number). */
export const markBallotSchema = z.object({
  marks: z.array(z.string()),
  weight: weightSchema,
});
export type MarkBallot = z.infer<typeof markBallotSchema>;

export const yesNoChoiceSchema = z.enum(["yes", "no", "abstain"]);
export type YesNoChoice = z.infer<typeof yesNoChoiceSchema>;
export const yesNoBallotSchema = z.object({
  choice: yesNoChoiceSchema,
  weight: weightSchema,
});
export type YesNoBallot = z.infer<typeof yesNoBallotSchema>;

/** What happened at a stage of the count, in the order it happened. */
export type RoundEvent =
  | { kind: "withdrawn"; candidate: CandidateId }
  | { kind: "elected"; candidate: CandidateId; votes: number }
  | { kind: "elected-as-remaining"; candidate: CandidateId; votes: number }
  | { kind: "excluded"; candidate: CandidateId; votes: number }
  | { kind: "skipped-sector-full"; candidate: CandidateId; sector: string }
  | { kind: "surplus-transferred"; candidate: CandidateId; surplus: number; transferValue: number }
  | { kind: "non-transferable"; votes: number; total: number };

export type StageKind = "first-preferences" | "surplus" | "exclusion" | "count" | "comparison";

export interface Round {
  /** 1-based stage number, as in the Scottish order's "stage of the count". */
  number: number;
  kind: StageKind;
  /** Votes of every candidate at the end of this stage (five decimals). */
  votes: Record<CandidateId, number>;
  /** Votes on ballots with no further usable preference, in total so far (STV/IRV). */
  nonTransferable: number;
  /** Votes lost so far to truncating transfer values to five decimals (STV). */
  lostToRounding: number;
  /** IRV: votes needed for a majority of continuing votes at this stage. */
  threshold?: number;
  /** dhondt, lists: each list's total votes (a candidate without a list is the list "#<id>"). */
  lists?: Record<string, number>;
  events: RoundEvent[];
}

export type TieReason = "look-back" | "lot";
export type TiePurpose = "exclude" | "surplus-order" | "election-order" | "placement";

export interface TieRecord {
  round: number;
  /** The tied candidates, in the order they were listed. */
  candidates: CandidateId[];
  chosen: CandidateId;
  reason: TieReason;
  purpose: TiePurpose;
}

export interface CountResult {
  method: CandidateMethod;
  seats: number;
  /** STV: the Droop quota; IRV: the majority needed at the first stage. */
  quota?: number;
  /** Ballots that count (at least one usable mark or preference). */
  validBallots: number;
  /** Ballots set aside: no usable mark, or (plurality) more marks than seats. */
  invalidBallots: number;
  /** Candidate ids in order of election. */
  elected: CandidateId[];
  /** Every candidate: the elected in order, then the rest best first ("next placed" = deputy). */
  placement: CandidateId[];
  rounds: Round[];
  ties: TieRecord[];
}

export interface YesNoResult {
  method: "yes-no-abstain";
  yes: number;
  no: number;
  abstain: number;
  /** A decision passes when yes > no; abstentions do not count either way. */
  passed: boolean;
}
