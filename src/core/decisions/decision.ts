import { DateTime } from "luxon";
import { z } from "zod";

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

export const proposalMaxLength = 2000;

/** §32: a decision may be challenged in court within three months of it (30.11. → 28/29.2.). */
export const challengeDeadline = (decidedAt: Date, timeZone: string): Date =>
  DateTime.fromJSDate(decidedAt, { zone: timeZone }).plus({ months: 3 }).toJSDate();
