import type { Group } from "../groups/group.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { findElection, requireStep } from "./access.ts";
import { castSealed } from "./ballot-box.ts";
import type { BallotChoices, Election, ElectionCandidate } from "./election.ts";
import { newReceipt, parseBallot } from "./rules.ts";
import type { ElectionServiceDeps } from "./service.ts";

export interface BallotReview {
  readonly election: Election;
  readonly group: Group;
  readonly candidates: ElectionCandidate[];
  readonly choices: BallotChoices;
}

/**
 * Voting. The roll row records THAT a person voted; the sealed ballot holds WHAT was voted, under a
 * random receipt, with no voter and no time, unreadable without the election's key (ballot-seal.ts).
 * Both are written in one transaction, and the roll row is claimed by a conditional update, so a
 * second (or concurrent) ballot from the same person is refused and nothing of it is stored. Votes
 * are not audited: the audit log would link the two.
 */
export class VotingService {
  constructor(private readonly deps: ElectionServiceDeps) {}

  /** The ballot as understood, for the voter to confirm; refuses now what casting would refuse. */
  async review(inv: Invocation, id: string, input: string): Promise<BallotReview> {
    return this.check(this.deps.uow.read, inv, id, input);
  }

  /**
   * A ballot being built one choice at a time (chat platforms: a select per step; console: numbered
   * choices). Checks what casting would check, so a voter off the roll learns it at the first step.
   */
  async draft(inv: Invocation, id: string, input: string): Promise<BallotReview & { chosen: readonly number[] }> {
    const blank = input.trim() === "";
    const review = await this.check(this.deps.uow.read, inv, id, blank ? null : input);
    const chosen = review.choices.kind === "candidates" ? review.choices.numbers : [];
    return { ...review, chosen };
  }

  /** Casts the ballot and returns the receipt, which only the voter sees. */
  async vote(inv: Invocation, id: string, input: string): Promise<BallotReview & { receipt: string }> {
    return this.deps.uow.run(async (stores) => {
      const review = await this.check(stores, inv, id, input);
      const claimed = await stores.elections.markVoted(review.election.id, inv.actor.person.id);
      if (!claimed) refuse("election.already-voted", { title: review.election.title });
      const receipt = newReceipt();
      await castSealed(stores, this.deps.ballotSecret, review.election, review.candidates.length, { receipt, choices: review.choices, standInFor: null });
      return { ...review, receipt };
    });
  }

  /** `input` null: no choice made yet (a ballot just started). */
  private async check(stores: Stores, inv: Invocation, id: string, input: string | null): Promise<BallotReview> {
    const { election, group } = await findElection(stores, inv, id);
    requireStep(election, "vote");
    const onRoll = await stores.elections.onRoll(election.id, inv.actor.person.id);
    if (!onRoll) refuse("election.not-on-roll", { title: election.title, group: group.name });
    if (onRoll.hasVoted) refuse("election.already-voted", { title: election.title });
    const candidates = await stores.elections.candidates(election.id);
    const choices: BallotChoices =
      input === null ? { kind: "candidates", numbers: [] } : parseBallot(election.method, election.seats, candidates, input);
    return { election, group, candidates, choices };
  }
}
