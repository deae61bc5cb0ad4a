import type { SealRecord } from "./ballot-seal.ts";
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
  /** Keeps what the election's ballot key is derived from (when voting opens). */
  createSeal(electionId: string, record: SealRecord): Promise<void>;
  /** Like createSeal, for an election that opened before ballots were sealed; keeps an existing seal. */
  ensureSeal(electionId: string, record: SealRecord): Promise<SealRecord>;
  seal(electionId: string): Promise<SealRecord | null>;
  /** Every election with a seal, i.e. with voting open: start-up checks the bot's secret opens them. */
  seals(): Promise<{ electionId: string; record: SealRecord }[]>;
  /** Stores a sealed ballot under a random id. */
  addSealedBallot(electionId: string, id: string, sealed: string): Promise<void>;
  sealedBallots(electionId: string): Promise<string[]>;
  /** Deletes the sealed ballots and the seal: what older copies of the database hold cannot be opened any more. */
  destroySeal(electionId: string): Promise<void>;
  /** Writes the anonymous box, replacing any box rows the election had, in the order given. */
  writeBallotBox(electionId: string, ballots: readonly StoredBallot[]): Promise<void>;
  /** The ballot box, in receipt order (which is random, unrelated to when or by whom). */
  ballots(electionId: string): Promise<StoredBallot[]>;
}

export type { BallotChoices };
