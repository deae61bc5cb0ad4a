import type { RollCounts, Seat, SeatClaim } from "./seats.ts";
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

  /** Writes the voter roll (once, when voting opens): one row per member seat. */
  fixRoll(electionId: string, seats: readonly { memberId: string; deputyId: string | null }[]): Promise<void>;
  /** The seat a person holds or stands in for as its deputy; null when neither. */
  seatFor(electionId: string, personId: string): Promise<Seat | null>;
  /** Every seat on the roll. */
  roll(electionId: string): Promise<Seat[]>;
  rollCounts(electionId: string): Promise<RollCounts>;
  /** The seats that have not voted yet. */
  pendingSeats(electionId: string): Promise<Seat[]>;
  /**
   * Marks the seat as voted, by the member or their deputy, only if the claim's conditions hold
   * (seats.ts): one conditional update, so of concurrent claims only the ones the rules allow
   * succeed (of two claims by the same person, exactly one). False otherwise.
   */
  claimSeat(electionId: string, claim: SeatClaim): Promise<boolean>;
  /** The member declares themselves prevented, only if their seat has not voted: one conditional update. */
  declarePrevented(electionId: string, memberId: string): Promise<boolean>;
  /** Stores a ballot with no link to its voter (a deputy's names the seat it stands in for). */
  addBallot(electionId: string, ballot: StoredBallot): Promise<void>;
  /** Every ballot, in receipt order (which is random, unrelated to when or by whom). */
  ballots(electionId: string): Promise<StoredBallot[]>;
  /**
   * Rewrites the ballots in receipt order, so not even the physical row order reflects voting
   * order, and without the seat a deputy's ballot stood in for (closing no longer needs it).
   */
  reshuffleBallots(electionId: string): Promise<void>;
  /** Removes ballots that do not count (a deputy's, when the member voted after all), at closing. */
  setAsideBallots(electionId: string, receipts: readonly string[]): Promise<void>;
}

export type { BallotChoices };
