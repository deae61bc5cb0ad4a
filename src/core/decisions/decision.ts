import { DateTime } from "luxon";
import { z } from "zod";
import type { DeputiesVote } from "../elections/seats.ts";

/** majority: more yes than no among those who answered; unanimous: every member's own yes (§17(6–7)). */
export const decisionModeSchema = z.enum(["majority", "unanimous"]);
export type DecisionMode = z.infer<typeof decisionModeSchema>;

export const answerSchema = z.enum(["yes", "no", "abstain"]);
export type Answer = z.infer<typeof answerSchema>;

// Built the first time the store reads a decision (z.lazy), not when the bot starts.
export const decisionSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    groupId: z.string(),
    number: z.number().int(),
    proposal: z.string(),
    mode: decisionModeSchema,
    deadline: z.date(),
    state: z.enum(["open", "closed"]),
    /** Published when proposed; the seed itself only in the minutes, after the count. */
    seedHash: z.string(),
    seed: z.string(),
    createdById: z.string(),
    createdAt: z.date(),
    closedAt: z.date().nullable(),
    outcome: z.enum(["passed", "rejected"]).nullable(),
    minutes: z.string().nullable(),
  }),
);
export type Decision = z.infer<typeof decisionSchema>;

/** One member seat on the roll, fixed when the proposal is made, with the seat's personal deputy. */
export const decisionVoterSchema = z.lazy(() =>
  z.object({
    decisionId: z.string(),
    personId: z.string(),
    deputyId: z.string().nullable(),
    answer: answerSchema.nullable(),
    /** The member, or their deputy standing in; null until answered. */
    answeredBy: z.string().nullable(),
    answeredAt: z.date().nullable(),
    /** The member declared themselves prevented (rule deputies-vote prevented): their deputy answers. */
    prevented: z.boolean(),
  }),
);
export type DecisionVoter = z.infer<typeof decisionVoterSchema>;

/** The seat a person answers for: their own, else as deputy their member's; null when they hold none. */
export function seatOf(voters: readonly DecisionVoter[], personId: string): { seat: DecisionVoter; asDeputy: boolean } | null {
  const own = voters.find((v) => v.personId === personId);
  if (own) return { seat: own, asDeputy: false };
  const stoodIn = voters.find((v) => v.deputyId === personId);
  return stoodIn ? { seat: stoodIn, asDeputy: true } : null;
}

export type HeldSeat = NonNullable<ReturnType<typeof seatOf>>;

/**
 * Why the holder of a seat may not answer for it now; null when they may. The group's
 * `deputies-vote` rule: never, a deputy never answers; not-voted, a deputy answers for a member who
 * has not, and the member's own answer replaces theirs; prevented, a deputy answers only for a
 * member who declared themselves prevented, who then no longer answers.
 */
export function answerRefusal({ seat, asDeputy }: HeldSeat, mode: DecisionMode, rule: DeputiesVote) {
  if (!asDeputy) return seat.prevented ? ("member-prevented" as const) : null;
  if (mode === "unanimous") return "unanimous-members-only" as const;
  if (rule === "never") return "deputies-never" as const;
  if (seat.answeredBy === seat.personId) return "member-answered" as const;
  if (rule === "prevented" && !seat.prevented) return "member-not-prevented" as const;
  return null;
}

/** Why the person may not declare themselves prevented from answering; null when they may. */
export function preventedRefusal(held: HeldSeat | null, mode: DecisionMode, rule: DeputiesVote) {
  if (!held || held.asDeputy) return "prevented-members-only" as const;
  if (rule !== "prevented") return "prevented-not-rule" as const;
  if (mode === "unanimous") return "unanimous-members-only" as const;
  if (held.seat.deputyId === null) return "no-deputy" as const;
  if (held.seat.answeredBy === held.seat.personId) return "answered-not-prevented" as const;
  if (held.seat.prevented) return "already-prevented" as const;
  return null;
}

export const proposalMaxLength = 2000;

/** §32: a decision may be challenged in court within three months of it (30.11. → 28/29.2.). */
export const challengeDeadline = (decidedAt: Date, timeZone: string): Date =>
  DateTime.fromJSDate(decidedAt, { zone: timeZone }).plus({ months: 3 }).toJSDate();
