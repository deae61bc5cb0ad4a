import type { MemberView } from "../groups/group.ts";
import type { GroupRules } from "../groups/rules.ts";
import type { Attendance } from "./meeting.ts";

/** Roles whose holders count towards quorum: deputies count only when standing in, observers never. */
const votingRoles = new Set(["chair", "vice-chair", "secretary", "member"]);

export interface Quorum {
  /** Members with a vote in the group. */
  readonly members: number;
  /** Votes present: members present, and deputies standing in for absent members. */
  readonly present: number;
  /** Votes needed: more than half of the members, or (half-with-chair) half, the chair or vice-chair among them. */
  readonly required: number;
  readonly reached: boolean;
  /** Who holds each vote present: person ids, a deputy's in place of the member's. */
  readonly voters: readonly string[];
}

/**
 * Quorum from attendance. A deputy counts for the member they stand in for (named at attendance,
 * else their personal member) and only while that member is absent; a member present in person
 * needs no deputy, so their deputy's presence adds nothing.
 */
export function computeQuorum(
  members: readonly MemberView[],
  attendance: readonly Attendance[],
  formula: GroupRules["quorum"] = "more-than-half",
): Quorum {
  const voting = members.filter((m) => votingRoles.has(m.role));
  const here = new Set(attendance.map((a) => a.personId));
  const votes = new Map<string, string>(); // member id -> person holding the vote
  for (const member of voting) if (here.has(member.personId)) votes.set(member.personId, member.personId);
  for (const a of attendance) {
    const deputy = members.find((m) => m.personId === a.personId && m.role === "deputy");
    const standsFor = a.forMemberId ?? deputy?.deputyOfId ?? null;
    if (!deputy || !standsFor) continue;
    if (voting.some((m) => m.personId === standsFor) && !votes.has(standsFor)) votes.set(standsFor, a.personId);
  }
  if (formula === "half-with-chair") {
    const required = Math.ceil(voting.length / 2);
    const presiding = voting.some((m) => (m.role === "chair" || m.role === "vice-chair") && here.has(m.personId));
    return { members: voting.length, present: votes.size, required, reached: presiding && votes.size >= required, voters: [...votes.values()] };
  }
  const required = Math.floor(voting.length / 2) + 1;
  return { members: voting.length, present: votes.size, required, reached: votes.size >= required, voters: [...votes.values()] };
}
