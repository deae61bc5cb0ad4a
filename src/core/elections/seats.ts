import type { GroupRules } from "../groups/rules.ts";
import type { MemberView } from "../groups/group.ts";
import type { SealedPayload } from "./ballot-seal.ts";

// Pure rules of the voter roll: one counted vote per member seat, cast by the member or, as the
// group's deputies-vote rule allows, by the seat's personal deputy. No store, no platform.

export type DeputiesVote = GroupRules["deputies-vote"];

/** One member seat on the roll, as fixed when voting opened. */
export interface Seat {
  /** The member holding the seat (a person id). */
  readonly memberId: string;
  /** The seat's personal deputy when voting opened. */
  readonly deputyId: string | null;
  readonly prevented: boolean;
  readonly hasVoted: boolean;
  /** The seat's vote is the deputy's (the member's own vote replaces it). */
  readonly byDeputy: boolean;
}

export interface RollCounts {
  /** Seats on the roll. */
  readonly voters: number;
  /** Seats that voted. */
  readonly voted: number;
  /** Of those, seats whose vote a deputy cast. */
  readonly byDeputy: number;
}

const seatRoles = new Set(["chair", "vice-chair", "secretary", "member"]);

/** The seats of a group when voting opens: its voting members, each with their personal deputy then. */
export function seatsOf(members: readonly Pick<MemberView, "personId" | "role" | "deputyOfId">[]): { memberId: string; deputyId: string | null }[] {
  return members
    .filter((m) => seatRoles.has(m.role))
    .map((m) => ({ memberId: m.personId, deputyId: members.find((d) => d.role === "deputy" && d.deputyOfId === m.personId)?.personId ?? null }));
}

/** Why a person may not vote now. */
export type SeatRefusal = "not-on-roll" | "already-voted" | "member-prevented" | "deputies-never" | "member-not-prevented" | "member-voted";

export type Standing = { readonly ok: true; readonly as: "member" | "deputy" } | { readonly ok: false; readonly reason: SeatRefusal };

/** Whether `personId` may vote for `seat` (the seat they hold or stand in for, null if none), and as whom. */
export function standing(seat: Seat | null, personId: string, rule: DeputiesVote): Standing {
  if (!seat) return { ok: false, reason: "not-on-roll" };
  if (seat.memberId === personId) {
    if (seat.hasVoted && !seat.byDeputy) return { ok: false, reason: "already-voted" };
    if (seat.prevented) return { ok: false, reason: "member-prevented" };
    return { ok: true, as: "member" };
  }
  if (seat.deputyId !== personId) return { ok: false, reason: "not-on-roll" };
  if (rule === "never") return { ok: false, reason: "deputies-never" };
  if (seat.hasVoted) return { ok: false, reason: seat.byDeputy ? "already-voted" : "member-voted" };
  if (rule === "prevented" && !seat.prevented) return { ok: false, reason: "member-not-prevented" };
  return { ok: true, as: "deputy" };
}

/**
 * What claiming a seat requires, checked again by the store's one conditional update so that of
 * concurrent claims only those the rules allow succeed. The member's own vote may replace their
 * deputy's (whose ballot is then set aside at closing) unless they declared themselves prevented;
 * a deputy claims only a seat nobody has voted for, and under `prevented` only a prevented one.
 */
export type SeatClaim =
  | { readonly by: "member"; readonly memberId: string }
  | { readonly by: "deputy"; readonly memberId: string; readonly deputyId: string; readonly onlyIfPrevented: boolean };

export function claimFor(seat: Seat, as: "member" | "deputy", rule: DeputiesVote): SeatClaim {
  if (as === "member") return { by: "member", memberId: seat.memberId };
  return { by: "deputy", memberId: seat.memberId, deputyId: seat.deputyId ?? "", onlyIfPrevented: rule === "prevented" };
}

/** Whether a member may declare themselves prevented now; null when they may. */
export function preventedRefusal(seat: Seat | null, personId: string, rule: DeputiesVote): "not-on-roll" | "prevented-not-rule" | "no-deputy" | "voted-not-prevented" | "already-prevented" | null {
  if (!seat || seat.memberId !== personId) return "not-on-roll";
  if (rule !== "prevented") return "prevented-not-rule";
  if (seat.hasVoted) return "voted-not-prevented";
  if (seat.prevented) return "already-prevented";
  if (!seat.deputyId) return "no-deputy";
  return null;
}

/** Who can still vote for a seat that has not voted (for nudges): the member, the deputy too when the rule lets them. */
export function stillVoting(seat: Seat, rule: DeputiesVote): string[] {
  if (seat.hasVoted) return [];
  const member = seat.prevented ? [] : [seat.memberId];
  const deputyMay = seat.deputyId !== null && (rule === "not-voted" || (rule === "prevented" && seat.prevented));
  return deputyMay ? [...member, seat.deputyId!] : member;
}

/** The people to nudge for the seats still to vote, each once. */
export const peopleToNudge = (seats: readonly Seat[], rule: DeputiesVote): string[] => [...new Set(seats.flatMap((s) => stillVoting(s, rule)))];

/** The ballots that count: a deputy's ballot is set aside when the member's own vote holds the seat. */
export function countedBallots<B extends Pick<SealedPayload, "standInFor">>(ballots: readonly B[], roll: readonly Seat[]): B[] {
  const memberVoted = new Set(roll.filter((s) => s.hasVoted && !s.byDeputy).map((s) => s.memberId));
  return ballots.filter((b) => !b.standInFor || !memberVoted.has(b.standInFor));
}

export const countsOf = (roll: readonly Seat[]): RollCounts => ({
  voters: roll.length,
  voted: roll.filter((s) => s.hasVoted).length,
  byDeputy: roll.filter((s) => s.hasVoted && s.byDeputy).length,
});
