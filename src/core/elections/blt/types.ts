/** One BLT ballot line: `weight pref pref … 0`, candidates numbered from 1. */
export interface BltBallot {
  weight: number;
  ranking: number[];
}

/** What a BLT file holds. Candidate numbers are 1-based, as in the file. */
export interface BltElection {
  candidates: string[];
  seats: number;
  title: string;
  withdrawn: number[];
  ballots: BltBallot[];
}

/** Stable codes for what can be wrong in a BLT file; the CLI turns them into localized text. */
export type BltIssueCode =
  | "blt.expected-header"
  | "blt.expected-ballot"
  | "blt.unknown-candidate"
  | "blt.duplicate-preference"
  | "blt.equal-ranking"
  | "blt.invalid-withdrawn"
  | "blt.missing-end-of-ballots"
  | "blt.expected-name"
  | "blt.expected-title"
  | "blt.unexpected-content";

export interface BltIssue {
  code: BltIssueCode;
  /** 1-based line number in the file. */
  line: number;
  /** What was expected there, in English, for logs and developers. */
  expected: string;
  /** Numbers a message may quote, e.g. the number of candidates. */
  params: Record<string, number>;
}

export type BltParseResult = { ok: true; election: BltElection } | { ok: false; issue: BltIssue };
