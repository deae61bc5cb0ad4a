import type { Decision } from "../decisions/decision.ts";
import type { Election } from "../elections/election.ts";
import type { Group } from "../groups/group.ts";
import type { ActionView } from "../meetings/action-service.ts";
import type { Meeting } from "../meetings/meeting.ts";
import type { MinutesSummary } from "../meetings/minutes-approval.ts";

/** Where a person stands in an election under way: may vote now, has voted (or their seat has), or neither. */
export type BallotStanding = "can-vote" | "voted" | "seat-voted" | null;

/**
 * Where a person stands on an open decision without a meeting: their seat still to answer, answered
 * by them, by their deputy (the member may still answer in their place) or by the member they stand in
 * for; null when they may not answer at all.
 */
export type DecisionStanding = "to-answer" | "answered" | "deputy-answered" | "member-answered" | null;

/** What is on one person's plate, across the working groups they belong to. */
export interface Overview {
  readonly groups: readonly Group[];
  /** Meetings under way or still ahead, soonest first. */
  readonly meetings: readonly { readonly group: Group; readonly meeting: Meeting }[];
  /** Meetings whose agenda still takes items, the deadline soonest first. */
  readonly deadlines: readonly { readonly group: Group; readonly meeting: Meeting }[];
  /** Elections taking nominations or votes; `ballot` says whether this person may vote or has. */
  readonly elections: readonly { readonly group: Group; readonly election: Election; readonly ballot: BallotStanding }[];
  /** Decisions without a meeting still taking answers, the deadline soonest first. */
  readonly decisions: readonly { readonly group: Group; readonly decision: Decision; readonly answer: DecisionStanding }[];
  /** Minutes still in draft in the person's groups; `toCheck` when they are a checker who has not approved. */
  readonly minutes: readonly { readonly group: Group; readonly meeting: Meeting; readonly summary: MinutesSummary; readonly toCheck: boolean }[];
  /** The person's own open action items, the earliest due first. */
  readonly actions: readonly ActionView[];
  /** Some list was cut to fit a chat message: the reply says where the rest is. */
  readonly truncated: boolean;
}
