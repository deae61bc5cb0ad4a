import type { MemberScope } from "../groups/member-scope.ts";
import type { Answer, Decision, DecisionVoter } from "./decision.ts";

export type NewDecision = Omit<Decision, "id" | "number" | "state" | "closedAt" | "outcome" | "minutes">;

/** Decisions without a meeting; every method runs in the caller's unit of work. */
export interface DecisionStore {
  /** Numbers the decision next in its group and writes its roll in the same step. */
  create(input: NewDecision, roll: readonly Pick<DecisionVoter, "personId" | "deputyId">[]): Promise<Decision>;
  find(groupId: string, number: number): Promise<Decision | null>;
  findById(id: string): Promise<Decision | null>;
  /** The group's decisions, newest first. */
  list(groupId: string): Promise<Decision[]>;
  /** One of the group's decisions still taking answers, if any. */
  openInGroup(groupId: string): Promise<Decision | null>;
  /** The open decisions of the member's groups, by group name, each group's newest first: what `overview` shows. */
  openForMember(scope: MemberScope): Promise<Decision[]>;
  /**
   * The digest's decisions in the workspace's groups not archived, each group's newest first: open
   * ones made before `to`, and those decided (with an outcome) in [from, to).
   */
  openOrDecidedIn(workspaceId: string, from: Date, to: Date): Promise<Decision[]>;
  /** Open decisions whose deadline is at or before `now`, oldest deadline first. */
  due(now: Date): Promise<Decision[]>;
  voters(decisionId: string): Promise<DecisionVoter[]>;
  /** The member declares themselves prevented, only while they have not answered themselves: one conditional update; false if they had. */
  declarePrevented(decisionId: string, personId: string): Promise<boolean>;
  /** Sets a seat's answer (the member's own, or their deputy's). */
  answer(decisionId: string, seatPersonId: string, answer: Answer, answeredBy: string, at: Date): Promise<void>;
  /**
   * Closes an open decision with its outcome and minutes. False when it was closed already (by
   * another process's tick, or the last answer), so a decision is closed and posted once.
   */
  close(id: string, closing: { closedAt: Date; outcome: "passed" | "rejected"; minutes: string }): Promise<boolean>;
}
