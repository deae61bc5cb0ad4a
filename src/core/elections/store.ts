import type { BallotChoices, DeputyMode, Election, ElectionCandidate, ElectionMethod, ElectionResult, ElectionState, StoredBallot } from "./election.ts";

export interface NewElection {
  readonly workspaceId: string;
  readonly groupId: string;
  readonly title: string;
  readonly method: ElectionMethod;
  readonly seats: number;
  readonly createdById: string;
  readonly createdAt: Date;
}

export type ElectionPatch = Partial<{
  state: ElectionState;
  deputyMode: DeputyMode;
  quotas: Readonly<Record<string, number>>;
  criteria: readonly string[];
  seedHash: string;
  seed: string;
  result: ElectionResult;
  nominationsOpenedAt: Date;
  votingOpenedAt: Date;
  closedAt: Date;
  certifiedAt: Date;
  nominationsPlannedAt: Date | null;
  votingPlannedAt: Date | null;
  votingClosesAt: Date | null;
}>;

/** A nomination: everything a candidate has but the id, the ballot number and a withdrawal. */
export type NewCandidate = Omit<ElectionCandidate, "id" | "number" | "withdrawnAt">;

export type CandidatePatch = Partial<
  Pick<ElectionCandidate, "status" | "number" | "sector" | "organisation" | "displayName" | "acceptedAt" | "withdrawnAt" | "deputyId" | "deputyName">
>;

export interface ElectionStore {
  create(input: NewElection): Promise<Election>;
  find(id: string): Promise<Election | null>;
  listForGroup(groupId: string): Promise<Election[]>;
  update(id: string, patch: ElectionPatch): Promise<Election>;

  candidates(electionId: string): Promise<ElectionCandidate[]>;
  addCandidate(input: NewCandidate): Promise<ElectionCandidate>;
  updateCandidate(id: string, patch: CandidatePatch): Promise<ElectionCandidate>;

  /** Writes the voter roll (once, when voting opens). */
  fixRoll(electionId: string, personIds: readonly string[]): Promise<void>;
  onRoll(electionId: string, personId: string): Promise<{ hasVoted: boolean } | null>;
  rollCounts(electionId: string): Promise<{ voters: number; voted: number }>;
  /** The people on the roll who have not voted yet (person ids). */
  pendingVoters(electionId: string): Promise<string[]>;
  /**
   * Marks the person as having voted, only if they are on the roll and have not voted: one
   * conditional update, so of two concurrent attempts exactly one succeeds. False otherwise.
   */
  markVoted(electionId: string, personId: string): Promise<boolean>;
  /** Stores a ballot with no link to its voter. */
  addBallot(electionId: string, ballot: StoredBallot): Promise<void>;
  /** Every ballot, in receipt order (which is random, unrelated to when or by whom). */
  ballots(electionId: string): Promise<StoredBallot[]>;
  /** Rewrites the ballots in receipt order, so not even the physical row order reflects voting order. */
  reshuffleBallots(electionId: string): Promise<void>;
}

export type { BallotChoices };
