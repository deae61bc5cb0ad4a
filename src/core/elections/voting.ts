import type { Group } from "../groups/group.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { findElection, requireStep } from "./access.ts";
import { castSealed } from "./ballot-box.ts";
import type { BallotChoices, Election, ElectionCandidate } from "./election.ts";
import { newReceipt, parseBallot } from "./rules.ts";
import { claimFor, standing as seatStanding, type Seat } from "./seats.ts";
import type { ElectionServiceDeps } from "./service.ts";

export interface BallotReview {
  readonly election: Election;
  readonly group: Group;
  readonly candidates: ElectionCandidate[];
  readonly choices: BallotChoices;
}

/**
 * Voting. The roll row (one per member seat) records THAT the seat voted and whether through its
 * deputy; the sealed ballot holds WHAT was voted, under a random receipt, with no voter and no time,
 * unreadable without the election's key (ballot-seal.ts); a deputy's names, inside the seal, the
 * seat it stands in for. Both are written in one transaction, and the seat is claimed by a
 * conditional update, so a second (or concurrent) ballot for the seat is refused and nothing of it
 * is stored, save the member's own vote replacing their deputy's where the group's rule allows
 * (the deputy's is then left out at close). Votes are not audited: the audit log would link the two.
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

  /**
   * Casts the ballot and returns the receipt, which only the voter sees, and, for a deputy whose
   * ballot stands only until their member votes (deputies-vote not-voted), that member's name.
   */
  async vote(inv: Invocation, id: string, input: string): Promise<BallotReview & { receipt: string; yieldsTo: string | null }> {
    return this.deps.uow.run(async (stores) => {
      const review = await this.check(stores, inv, id, input);
      const { seat, as } = review.standing;
      const claimed = await stores.elections.claimSeat(review.election.id, claimFor(seat, as, review.group.rules["deputies-vote"]));
      if (!claimed) {
        // The seat was claimed in between: say why, as a fresh look at the seat does.
        await this.requireStanding(stores, inv, review.election, review.group);
        refuse("election.already-voted", { title: review.election.title });
      }
      const receipt = newReceipt();
      const standInFor = as === "deputy" ? seat.memberId : null;
      await castSealed(stores, this.deps.ballotSecret, review.election, review.candidates.length, { receipt, choices: review.choices, standInFor });
      const yields = as === "deputy" && review.group.rules["deputies-vote"] === "not-voted";
      const yieldsTo = yields ? ((await stores.people.findById(seat.memberId))?.displayName ?? "?") : null;
      return { ...review, receipt, yieldsTo };
    });
  }

  /** `input` null: no choice made yet (a ballot just started). */
  private async check(stores: Stores, inv: Invocation, id: string, input: string | null): Promise<BallotReview & { standing: { seat: Seat; as: "member" | "deputy" } }> {
    const { election, group } = await findElection(stores, inv, id);
    requireStep(election, "vote");
    const standing = await this.requireStanding(stores, inv, election, group);
    const candidates = await stores.elections.candidates(election.id);
    const choices: BallotChoices =
      input === null ? { kind: "candidates", numbers: [] } : parseBallot(election.method, election.seats, candidates, input);
    return { election, group, candidates, choices, standing };
  }

  /** The seat the voter votes for and as whom, or a refusal saying why they may not (seats.ts). */
  private async requireStanding(stores: Stores, inv: Invocation, election: Election, group: Group): Promise<{ seat: Seat; as: "member" | "deputy" }> {
    const seat = await stores.elections.seatFor(election.id, inv.actor.person.id);
    const standing = seatStanding(seat, inv.actor.person.id, group.rules["deputies-vote"]);
    if (standing.ok && seat) return { seat, as: standing.as };
    const member = seat ? ((await stores.people.findById(seat.memberId))?.displayName ?? "?") : "?";
    refuse(`election.${standing.ok ? "already-voted" : standing.reason}`, { title: election.title, group: group.name, id: election.id, member });
  }
}
