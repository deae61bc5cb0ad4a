import { CountingInputError } from "./errors.ts";
import type { Candidate, CandidateId } from "./types.ts";

export interface CandidateIndex {
  readonly ids: readonly CandidateId[];
  indexOf(id: CandidateId): number;
}

/** Candidates by position, so the count works on small integers rather than strings. */
export function indexCandidates(candidates: readonly Candidate[]): CandidateIndex {
  const positions = new Map<CandidateId, number>();
  candidates.forEach((candidate, position) => {
    if (positions.has(candidate.id)) {
      throw new CountingInputError("counting.duplicate-candidate", candidate.id);
    }
    positions.set(candidate.id, position);
  });
  return {
    ids: candidates.map((candidate) => candidate.id),
    indexOf(id) {
      const position = positions.get(id);
      if (position === undefined) throw new CountingInputError("counting.unknown-candidate", id);
      return position;
    },
  };
}

/** Positions of withdrawn candidates; unknown ids are an error rather than silently ignored. */
export const withdrawnPositions = (index: CandidateIndex, withdrawn: readonly CandidateId[] = []) =>
  new Set(withdrawn.map((id) => index.indexOf(id)));
