import type { SealRecord } from "./ballot-seal.ts";
import type { RollCounts, Seat, SeatClaim } from "./seats.ts";
import type { BallotChoices, Teller, DeputyMode, Election, ElectionCandidate, ElectionMethod, ElectionResult, ElectionState, StoredBallot } from "./election.ts";
import type { MemberScope } from "../groups/member-scope.ts";
import type { Window } from "../shared/page.ts";

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
  record: string;
  recordHash: string;
  tellers: readonly Teller[];
}>;

/** A nomination: everything a candidate has but the id, the ballot number and a withdrawal. */
export type NewCandidate = Omit<ElectionCandidate, "id" | "number" | "withdrawnAt" | "list">;

export type CandidatePatch = Partial<
  Pick<ElectionCandidate, "status" | "number" | "sector" | "organisation" | "displayName" | "acceptedAt" | "withdrawnAt" | "deputyId" | "deputyName" | "list" | "nominatedById" | "nominatedAt">
>;

export interface ElectionStore {
  create(input: NewElection): Promise<Election>;
  find(id: string): Promise<Election | null>;
  /** The group's elections in the order they were created (then by id). */
  listForGroup(groupId: string, window?: Window): Promise<Election[]>;
  /** The member's groups' elections taking nominations or votes, by group name, each group's in listForGroup's order: what `overview` shows. */
  inProgressForMember(scope: MemberScope): Promise<Election[]>;
  /** The workspace's elections closed in [from, to), archived groups' too, each group's in listForGroup's order: the digest's results. */
  closedIn(workspaceId: string, from: Date, to: Date): Promise<Election[]>;
  /**
   * The group's elections closed after `after` (null: any time before) and at or before `through`,
   * by when they closed, then by id: what one meeting's minutes report.
   */
  closedAfterThrough(groupId: string, after: Date | null, through: Date): Promise<Election[]>;
  /** The group's certified elections, in listForGroup's order. */
  certifiedOfGroup(groupId: string): Promise<Election[]>;
  countForGroup(groupId: string): Promise<number>;
  /** One of the group's elections open for voting, if any (its roll and its rules are fixed). */
  votingInGroup(groupId: string): Promise<Election | null>;
  /** The groups with a certified election, the most recently certified first: the public results pages' groups. */
  certifiedGroupIds(): Promise<string[]>;
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
