import { z } from "zod";
import type { CountResult, YesNoResult } from "./counting/index.ts";

/** dhondt, lists and harmonic: the Associations Act's proportional methods (yhdistyslaki 29 § 3 mom.). */
export const electionMethods = ["plurality", "approval", "irv", "stv", "dhondt", "lists", "harmonic", "yes-no"] as const;
export const electionMethodSchema = z.enum(electionMethods);
export type ElectionMethod = z.infer<typeof electionMethodSchema>;

export const electionStates = ["draft", "nominating", "voting", "closed", "certified"] as const;
export type ElectionState = (typeof electionStates)[number];

export const deputyModes = ["none", "pairs", "next-placed"] as const;
export const deputyModeSchema = z.enum(deputyModes);
export type DeputyMode = z.infer<typeof deputyModeSchema>;

export type CandidateStatus = "nominated" | "accepted" | "withdrawn";

export const electionTitleMaxLength = 120;
export const criterionMaxLength = 300;

export interface Election {
  readonly id: string;
  readonly workspaceId: string;
  readonly groupId: string;
  readonly title: string;
  readonly method: ElectionMethod;
  readonly seats: number;
  readonly deputyMode: DeputyMode;
  readonly quotas: Readonly<Record<string, number>>;
  readonly criteria: readonly string[];
  readonly state: ElectionState;
  readonly seedHash: string | null;
  /** Secret while voting; published (shown) once closed. */
  readonly seed: string | null;
  readonly result: ElectionResult | null;
  readonly createdById: string;
  readonly createdAt: Date;
  readonly nominationsOpenedAt: Date | null;
  readonly votingOpenedAt: Date | null;
  readonly closedAt: Date | null;
  readonly certifiedAt: Date | null;
  /** The published timetable; its reminders are scheduled from it (timetable.ts). */
  readonly nominationsPlannedAt: Date | null;
  readonly votingPlannedAt: Date | null;
  readonly votingClosesAt: Date | null;
  /** The election record written at close: canonical JSON (record/canonical.ts) and its SHA-256. */
  readonly record: string | null;
  readonly recordHash: string | null;
  /** Tellers named for the election; with any, certifying needs each one's confirmation. */
  readonly tellers: readonly Teller[];
}

export interface Teller {
  readonly personId: string;
  readonly name: string;
  /** ISO time of the teller's confirmation; null until they confirm. */
  readonly confirmedAt: string | null;
}

/** The points of an election's timetable: `election timetable <id> <phase> <date time>`. */
export const timetablePhases = ["nominations", "voting", "closes"] as const;
export const timetablePhaseSchema = z.enum(timetablePhases);
export type TimetablePhase = z.infer<typeof timetablePhaseSchema>;

export interface ElectionCandidate {
  readonly id: string;
  readonly electionId: string;
  readonly personId: string;
  readonly displayName: string;
  readonly sector: string | null;
  readonly organisation: string | null;
  /** The list (electoral alliance) the candidate stands on: dhondt and lists count votes per list. */
  readonly list: string | null;
  readonly status: CandidateStatus;
  /** The number on the ballot, given when voting opens. */
  readonly number: number | null;
  readonly nominatedById: string;
  readonly deputyId: string | null;
  readonly deputyName: string | null;
  readonly nominatedAt: Date;
  readonly acceptedAt: Date | null;
  readonly withdrawnAt: Date | null;
}

/** What a ballot holds: candidate numbers (ranked, most preferred first, or marks), or a yes/no answer. */
export type BallotChoices = { readonly kind: "candidates"; readonly numbers: readonly number[] } | { readonly kind: "yes-no"; readonly answer: "yes" | "no" | "abstain" };

/** A stored ballot: its receipt and choices, and nothing that dates the voter. */
export interface StoredBallot {
  readonly receipt: string;
  readonly choices: BallotChoices;
}

/** The count as stored on closing, with the deputies chosen from it. */
export type ElectionResult =
  | { readonly kind: "candidates"; readonly count: CountResult; readonly deputies: Readonly<Record<string, string>> }
  | { readonly kind: "yes-no"; readonly count: YesNoResult };

export const isRanked = (method: ElectionMethod): boolean => method === "irv" || method === "stv" || method === "harmonic";

/** Methods whose ballot names one candidate (a vote for the candidate's list). */
export const isListVote = (method: ElectionMethod): boolean => method === "dhondt" || method === "lists";

/** The most choices a ballot may hold, or null for no limit. */
export const maxChoices = (method: ElectionMethod, seats: number): number | null => (method === "plurality" ? seats : isListVote(method) ? 1 : null);
