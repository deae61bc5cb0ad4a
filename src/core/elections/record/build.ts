import { shuffled } from "../ballot-seal.ts";
import { onBallot } from "../closing.ts";
import type { Election, ElectionCandidate, ElectionResult, StoredBallot } from "../election.ts";
import type { RollCounts } from "../seats.ts";
import { canonicalJson, sha256Hex } from "./canonical.ts";
import { inclusionList } from "./receipts.ts";
import { RECORD_VERSION, type ElectionRecord } from "./schema.ts";

export interface RecordInput {
  /** The election as closed: seed published, closedAt set. */
  readonly election: Election;
  readonly groupName: string;
  readonly rules: Readonly<Record<string, string>>;
  readonly candidates: readonly ElectionCandidate[];
  readonly ballots: readonly StoredBallot[];
  readonly roll: RollCounts;
  readonly result: ElectionResult;
}

/**
 * The record of a closed election. The ballots are shuffled afresh and carry no receipt; the
 * receipts go into their own sorted list of hashes, so nothing in the record pairs a receipt with
 * its choices.
 */
export function buildRecord(input: RecordInput): ElectionRecord {
  const { election, result } = input;
  if (!election.seed || !election.seedHash || !election.closedAt) throw new Error("an election record needs a closed election with its seed");
  const ballots = shuffled(input.ballots.map((b) => b.choices));
  return {
    version: RECORD_VERSION,
    election: {
      id: election.id,
      title: election.title,
      group: input.groupName,
      method: election.method,
      seats: election.seats,
      deputyMode: election.deputyMode,
      quotas: { ...election.quotas },
      criteria: [...election.criteria],
      rules: { ...input.rules },
      votingOpenedAt: election.votingOpenedAt?.toISOString() ?? null,
      closedAt: election.closedAt.toISOString(),
    },
    candidates: onBallot(input.candidates).map((c) => ({
      number: c.number!,
      name: c.displayName,
      sector: c.sector,
      organisation: c.organisation,
      list: c.list,
      withdrawn: c.status === "withdrawn",
    })),
    roll: { voters: input.roll.voters, voted: input.roll.voted, byDeputy: input.roll.byDeputy },
    ballots:
      election.method === "yes-no"
        ? ballots.flatMap((c) => (c.kind === "yes-no" ? [c.answer] : []))
        : ballots.flatMap((c) => (c.kind === "candidates" ? [[...c.numbers]] : [])),
    receipts: inclusionList(election.id, input.ballots.map((b) => b.receipt)),
    lot: { seed: election.seed, seedHash: election.seedHash },
    count: result.count,
    deputies: result.kind === "candidates" ? { ...result.deputies } : {},
  };
}

/** The record as stored and exported (canonical JSON) and the SHA-256 that is announced. */
export function sealRecord(record: ElectionRecord): { text: string; hash: string } {
  const text = canonicalJson(record);
  return { text, hash: sha256Hex(text) };
}

/** The record's file name; its bytes are the canonical text, so `sha256sum` gives the announced hash. */
export const recordFileName = (electionId: string): string => `${electionId}-record.json`;
