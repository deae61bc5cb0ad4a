import { z } from "zod";
import { candidateMethodSchema, sectorQuotasSchema, yesNoChoiceSchema } from "../counting/types.ts";
import { deputyModeSchema, electionMethodSchema } from "../election.ts";

// The election record: one JSON document written when voting closes, from which anyone can
// recount the election (npm run verify). Its canonical serialization (canonical.ts) is the file
// `election export <id> record` gives, and its SHA-256 is announced in the channel. The schemas
// are z.lazy: built the first time a record is read, not at every start of the bot (zod gives each
// schema object its own methods, and this is the largest grammar the bot holds).

export const RECORD_VERSION = 1;

const votes = z.record(z.string(), z.number());

const roundEventSchema = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("withdrawn"), candidate: z.string() }),
    z.object({ kind: z.enum(["elected", "elected-as-remaining", "excluded"]), candidate: z.string(), votes: z.number() }),
    z.object({ kind: z.literal("skipped-sector-full"), candidate: z.string(), sector: z.string() }),
    z.object({ kind: z.literal("surplus-transferred"), candidate: z.string(), surplus: z.number(), transferValue: z.number() }),
    z.object({ kind: z.literal("non-transferable"), votes: z.number(), total: z.number() }),
  ]),
);

export const recordRoundSchema = z.lazy(() =>
  z.object({
    number: z.number().int().min(1),
    kind: z.enum(["first-preferences", "surplus", "exclusion", "count", "comparison"]),
    votes,
    nonTransferable: z.number(),
    lostToRounding: z.number(),
    threshold: z.number().optional(),
    lists: votes.optional(),
    events: z.array(roundEventSchema),
  }),
);

const tieSchema = z.lazy(() =>
  z.object({
    round: z.number().int(),
    candidates: z.array(z.string()),
    chosen: z.string(),
    reason: z.enum(["look-back", "lot"]),
    purpose: z.enum(["exclude", "surplus-order", "election-order", "placement"]),
  }),
);

export const recordCountSchema = z.lazy(() =>
  z.object({
    method: candidateMethodSchema,
    seats: z.number().int().min(1),
    quota: z.number().optional(),
    validBallots: z.number().int().min(0),
    invalidBallots: z.number().int().min(0),
    elected: z.array(z.string()),
    placement: z.array(z.string()),
    rounds: z.array(recordRoundSchema),
    ties: z.array(tieSchema),
  }),
);

const yesNoCountSchema = z.lazy(() =>
  z.object({
    method: z.literal("yes-no-abstain"),
    yes: z.number().int(),
    no: z.number().int(),
    abstain: z.number().int(),
    passed: z.boolean(),
  }),
);

export const recordCandidateSchema = z.lazy(() =>
  z.object({
    /** The ballot number: the ballots and the count name candidates by it (as text in the count). */
    number: z.number().int().min(1),
    name: z.string(),
    sector: z.string().nullable(),
    organisation: z.string().nullable(),
    list: z.string().nullable(),
    withdrawn: z.boolean(),
  }),
);

export const electionRecordSchema = z.lazy(() =>
  z.object({
    version: z.literal(RECORD_VERSION),
    election: z.object({
      id: z.string(),
      title: z.string(),
      group: z.string(),
      method: electionMethodSchema,
      seats: z.number().int().min(1),
      deputyMode: deputyModeSchema,
      quotas: sectorQuotasSchema,
      criteria: z.array(z.string()),
      /** The group's rules that bear on the vote (e.g. when deputies vote). */
      rules: z.record(z.string(), z.string()),
      votingOpenedAt: z.string().nullable(),
      closedAt: z.string(),
    }),
    candidates: z.array(recordCandidateSchema),
    roll: z.object({
      /** Member seats on the roll. */
      voters: z.number().int().min(0),
      /** Seats that voted: one counted ballot each. */
      voted: z.number().int().min(0),
      /** Of those, seats whose ballot a deputy cast. */
      byDeputy: z.number().int().min(0),
    }),
    /** The counted ballots in random order, without receipts: candidate numbers, or a yes/no answer. */
    ballots: z.union([z.array(z.array(z.number().int())), z.array(yesNoChoiceSchema)]),
    /** SHA-256 of "<election id>:<receipt>" for every counted ballot, sorted: see receipts.ts. */
    receipts: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
    lot: z.object({ seed: z.string(), seedHash: z.string() }),
    count: z.union([recordCountSchema, yesNoCountSchema]),
    /** Next-placed deputies: elected candidate's number → deputy's number (as text). */
    deputies: z.record(z.string(), z.string()),
  }),
);
export type ElectionRecord = z.infer<typeof electionRecordSchema>;
export type RecordCount = z.infer<typeof recordCountSchema>;
