import { isQuotable, quote } from "./quoted.ts";
import type { BltElection } from "./types.ts";

export class BltWriteError extends Error {
  constructor(
    readonly code: "blt.unwritable-text" | "blt.invalid-ballot",
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = "BltWriteError";
  }
}

/**
 * Writes a BLT file that parseBlt reads back to the same election. Refuses (BltWriteError) what the
 * format cannot carry: a name or title with a line break or wrapped in double quotes, a weight below 1,
 * a preference that is not a candidate number, or a candidate ranked twice.
 */
export function writeBlt(election: BltElection): string {
  const count = election.candidates.length;
  for (const text of [...election.candidates, election.title]) {
    if (!isQuotable(text)) throw new BltWriteError("blt.unwritable-text", JSON.stringify(text));
  }
  const lines = [`${count} ${election.seats}`];
  if (election.withdrawn.length > 0) lines.push(election.withdrawn.map((candidate) => `-${candidate}`).join(" "));
  for (const ballot of election.ballots) {
    const valid =
      Number.isInteger(ballot.weight) &&
      ballot.weight >= 1 &&
      ballot.ranking.every((candidate, place) => Number.isInteger(candidate) && candidate >= 1 && candidate <= count && ballot.ranking.indexOf(candidate) === place);
    if (!valid) throw new BltWriteError("blt.invalid-ballot", JSON.stringify(ballot));
    lines.push([ballot.weight, ...ballot.ranking, 0].join(" "));
  }
  lines.push("0", ...election.candidates.map(quote), quote(election.title));
  return `${lines.join("\n")}\n`;
}
