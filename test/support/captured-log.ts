import Database from "better-sqlite3";
import { expect } from "vitest";
import { createLogger } from "../../src/logger.ts";

/** The bot's real logger (pino) at `trace`, every line it writes kept as text. */
export function capturedLog() {
  const lines: string[] = [];
  const logger = createLogger("trace", { write: (chunk: string) => void lines.push(...chunk.split("\n").filter(Boolean)) });
  return { logger, lines };
}

/**
 * A database that refuses ballots, quoting the refused row in its error message (as a driver or
 * a constraint may): the unexpected failure the logs must survive without telling the ballot.
 */
export function refuseBallots(path: string): void {
  const db = new Database(path);
  try {
    // Open ballots are written sealed (SealedBallot), counted ones in the clear (ElectionBallot).
    db.exec(`CREATE TRIGGER ballot_refused BEFORE INSERT ON "ElectionBallot"
      BEGIN SELECT RAISE(ABORT, 'ballot refused: ' || NEW.receipt || ' ' || NEW.choices); END;`);
    db.exec(`CREATE TRIGGER sealed_ballot_refused BEFORE INSERT ON "SealedBallot"
      BEGIN SELECT RAISE(ABORT, 'ballot refused: ' || NEW.id || ' ' || NEW.sealed); END;`);
  } finally {
    db.close();
  }
}

export interface Secrets {
  /** Anything naming the voter: person id, platform user id, name. */
  readonly voter: readonly string[];
  /** Any part of the ballot: candidate names, the choices as cast and as stored, the database's quote of the row. */
  readonly ballot: readonly string[];
  /** Command text of the vote, which no line may hold at all. */
  readonly voteText: readonly string[];
}

/** No captured line holds the vote's text, nor the voter together with any part of the ballot. */
export function expectBallotSecret(lines: readonly string[], secrets: Secrets): void {
  expect(lines.length).toBeGreaterThan(0);
  const has = (line: string, needles: readonly string[]) => needles.filter((n) => line.toLocaleLowerCase("fi").includes(n.toLocaleLowerCase("fi")));
  for (const line of lines) {
    expect(has(line, secrets.voteText), line).toEqual([]);
    const voter = has(line, secrets.voter);
    if (voter.length > 0) expect(has(line, secrets.ballot), line).toEqual([]);
    // The database's own quote of the ballot row: nowhere, with or without a voter.
    expect(line).not.toContain("ballot refused");
  }
}

/** The reference the person was given, and the log line that holds it for the vote. */
export function expectReferenceLogged(reply: string, lines: readonly string[]): void {
  const reference = /\b([0-9a-f]{8})\b/.exec(reply)?.[1];
  expect(reference, reply).toBeDefined();
  const logged = lines.map((l) => JSON.parse(l) as { reference?: string; command?: string; level: number }).find((l) => l.reference === reference);
  expect(logged).toMatchObject({ command: "election vote", level: 50 });
}
