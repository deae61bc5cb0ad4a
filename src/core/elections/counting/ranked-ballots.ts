import type { CandidateIndex } from "./candidates.ts";
import type { MarkBallot, RankedBallot } from "./types.ts";

/** Identical ballots counted once with a weight: real elections repeat the same rankings a lot. */
export interface BallotGroup {
  readonly preferences: Int32Array;
  readonly weight: number;
}

export interface AggregatedBallots {
  readonly groups: BallotGroup[];
  readonly valid: number;
  readonly invalid: number;
}

/**
 * Turns ranked ballots into weighted groups of candidate positions. Withdrawn candidates are struck
 * from every ballot; a candidate ranked twice keeps only the higher preference (the later one could
 * never be the "next available preference" anyway). A ballot with no preference left is invalid.
 */
export function aggregateRanked(
  ballots: readonly RankedBallot[],
  index: CandidateIndex,
  withdrawn: ReadonlySet<number>,
): AggregatedBallots {
  // One pass, one map keyed by the cleaned preferences as a short string (one char per candidate).
  const byPreferences = new Map<string, { preferences: number[]; weight: number }>();
  const seenOnBallot = new Int32Array(index.ids.length).fill(-1);
  let valid = 0;
  let invalid = 0;
  for (let ballotNumber = 0; ballotNumber < ballots.length; ballotNumber++) {
    const ballot = ballots[ballotNumber]!;
    const weight = ballot.weight ?? 1;
    let key = "";
    for (const id of ballot.ranking) {
      const candidate = index.indexOf(id);
      if (withdrawn.has(candidate) || seenOnBallot[candidate] === ballotNumber) continue;
      seenOnBallot[candidate] = ballotNumber;
      key += String.fromCharCode(candidate);
    }
    if (key === "") {
      invalid += weight;
      continue;
    }
    valid += weight;
    const group = byPreferences.get(key);
    if (group) group.weight += weight;
    else {
      const preferences = new Array<number>(key.length);
      for (let at = 0; at < key.length; at++) preferences[at] = key.charCodeAt(at);
      byPreferences.set(key, { preferences, weight });
    }
  }
  const groups = [...byPreferences.values()].map(({ preferences, weight }) => ({
    preferences: Int32Array.from(preferences),
    weight,
  }));
  return { groups, valid, invalid };
}

/**
 * A ranked ballot read as a block vote: its first `seats` preferences are its marks. This is how
 * a BLT file (ranked) is counted by plurality.
 */
export const pluralityBallotsFromRanked = (
  ballots: readonly RankedBallot[],
  seats: number,
  withdrawn: ReadonlySet<string> = new Set(),
): MarkBallot[] =>
  ballots.map((ballot) => ({
    // A withdrawn candidate is struck first, so the voter's next preferences move up into the marks.
    marks: ballot.ranking.filter((id) => !withdrawn.has(id)).slice(0, seats),
    weight: ballot.weight,
  }));

/** A ranked ballot read as approval: every candidate ranked at all is approved. */
export const approvalBallotsFromRanked = (ballots: readonly RankedBallot[]): MarkBallot[] =>
  ballots.map((ballot) => ({ marks: [...ballot.ranking], weight: ballot.weight }));
