import { unquote } from "./quoted.ts";
import type { BltBallot, BltIssue, BltIssueCode, BltParseResult } from "./types.ts";

export type { BltBallot, BltElection, BltIssue, BltIssueCode, BltParseResult } from "./types.ts";

const wholeNumber = /^\d+$/;

class Stop {
  constructor(readonly issue: BltIssue) {}
}

const fail = (code: BltIssueCode, line: number, expected: string, params: Record<string, number> = {}): never => {
  throw new Stop({ code, line, expected, params });
};

/**
 * Reads a BLT file (the ballot format of OpaVote, OpenSTV and the Scottish cast-vote records):
 *
 *     4 2              candidates and seats
 *     -2               optional: withdrawn candidates, negative
 *     3 1 3 4 0        weight, preferences (candidate numbers from 1), closing 0
 *     0                end of ballots
 *     "Alice"          one quoted name per candidate
 *     "Ward 1"         quoted title
 *
 * Blank lines and Windows line ends are tolerated. There are no comments: a `#` is data (one of the
 * Glasgow files has names beginning with `#`). Equal rankings (`1=2`) are refused with their own code,
 * since neither the Scottish rules nor our ballots allow them. Returns the first problem, with its
 * line and what was expected there, instead of throwing.
 */
export function parseBlt(text: string): BltParseResult {
  try {
    return { ok: true, election: read(text) };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, issue: error.issue };
    throw error;
  }
}

function read(text: string) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let at = 0;
  /** The next non-blank line, with its 1-based number; undefined at the end of the text. */
  const next = (): { text: string; number: number } | undefined => {
    while (at < lines.length && lines[at]!.trim() === "") at++;
    if (at >= lines.length) return undefined;
    at++;
    return { text: lines[at - 1]!.trim(), number: at };
  };
  const peek = () => {
    const saved = at;
    const line = next();
    at = saved;
    return line;
  };
  const lastLine = () => lines.length;

  const header = next();
  const headerFields = header?.text.split(/\s+/) ?? [];
  if (!header || headerFields.length !== 2 || !headerFields.every((field) => wholeNumber.test(field))) {
    return fail("blt.expected-header", header?.number ?? 1, "the number of candidates and the number of seats");
  }
  const candidateCount = Number(headerFields[0]);
  const seats = Number(headerFields[1]);
  if (candidateCount < 1 || seats < 1) {
    return fail("blt.expected-header", header.number, "at least one candidate and at least one seat");
  }
  const range = { candidates: candidateCount };

  const withdrawn: number[] = [];
  const maybeWithdrawn = peek();
  if (maybeWithdrawn?.text.startsWith("-")) {
    next();
    for (const field of maybeWithdrawn.text.split(/\s+/)) {
      const candidate = -Number(field);
      if (!/^-\d+$/.test(field) || candidate < 1 || candidate > candidateCount || withdrawn.includes(candidate)) {
        fail("blt.invalid-withdrawn", maybeWithdrawn.number, "negative candidate numbers from -1 to -candidates, each once", range);
      }
      withdrawn.push(candidate);
    }
  }

  const ballots: BltBallot[] = [];
  for (;;) {
    const line = next();
    if (!line) return fail("blt.missing-end-of-ballots", lastLine(), "a line with a single 0 after the ballots");
    if (line.text === "0") break;
    const fields = line.text.split(/\s+/);
    if (fields.some((field) => field.includes("="))) {
      fail("blt.equal-ranking", line.number, "one candidate at each preference (equal rankings are not supported)");
    }
    const expectedBallot = "a weight, preferences and a closing 0";
    if (fields.length < 2 || !fields.every((field) => wholeNumber.test(field)) || fields[fields.length - 1] !== "0") {
      fail("blt.expected-ballot", line.number, expectedBallot);
    }
    const weight = Number(fields[0]);
    if (weight < 1) fail("blt.expected-ballot", line.number, expectedBallot);
    const ranking = fields.slice(1, -1).map(Number);
    for (const [place, candidate] of ranking.entries()) {
      if (candidate < 1 || candidate > candidateCount) {
        fail("blt.unknown-candidate", line.number, "candidate numbers from 1 to the number of candidates", range);
      }
      if (ranking.indexOf(candidate) !== place) {
        fail("blt.duplicate-preference", line.number, "each candidate at most once on a ballot");
      }
    }
    ballots.push({ weight, ranking });
  }

  const candidates: string[] = [];
  for (let candidate = 1; candidate <= candidateCount; candidate++) {
    const line = next();
    const name = line && unquote(line.text);
    if (name === undefined) {
      fail("blt.expected-name", line?.number ?? lastLine(), "a quoted candidate name", { ...range, candidate });
    }
    candidates.push(name!);
  }
  const titleLine = next();
  const title = titleLine && unquote(titleLine.text);
  if (title === undefined) fail("blt.expected-title", titleLine?.number ?? lastLine(), "a quoted title");
  const extra = next();
  if (extra) fail("blt.unexpected-content", extra.number, "nothing after the title");

  return { candidates, seats, title: title!, withdrawn, ballots };
}
