import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBlt, type BltElection } from "../../../src/core/elections/blt/parse.ts";
import { countStv, type CountResult } from "../../../src/core/elections/counting/index.ts";

const directory = "/work/shared/data/scottish-council-ballots";
const files = readdirSync(directory).filter((file) => file.endsWith(".blt")).sort();

function count(file: string): { election: BltElection; result: CountResult; name: (id: string) => string } {
  const read = parseBlt(readFileSync(join(directory, file), "utf8"));
  if (!read.ok) throw new Error(`${file}: ${JSON.stringify(read.issue)}`);
  const election = read.election;
  const result = countStv(
    election.candidates.map((_, position) => ({ id: String(position + 1) })),
    election.ballots.map((ballot) => ({ weight: ballot.weight, ranking: ballot.ranking.map(String) })),
    { seats: election.seats },
  );
  return { election, result, name: (id) => election.candidates[Number(id) - 1]! };
}

/**
 * Published results (who was elected), from the councils' declarations as reported in public sources:
 * - Edinburgh 2017 Ward 6 Corstorphine/Murrayfield: Scott Douglas, Gillian Gloyer, Frank Ross
 *   (Wikipedia "Corstorphine/Murrayfield (ward)" councillors table; Edinburgh Evening News, 5 May 2017).
 * - Comhairle nan Eilean Siar 2022 Ward 4 Na Hearadh: Grant Fulton, Paul Finnegan
 *   (Wikipedia "Na Hearadh (ward)").
 * - North Ayrshire 2022 Arran (one seat): Timothy Billings, first preferences Billings 788,
 *   Garraway 625, McDonald 243, McMaster 229, Park 241, Young 305 (Arran Banner, 13 May 2022).
 * - Glasgow 2007 Garscadden/Scotstounhill: Liz Cameron, Paul Rooney, Jean McFadden, Graeme Hendry
 *   (Wikipedia "Garscadden/Scotstounhill (ward)" councillors table).
 */
const published: Record<string, { elected: string[]; firstPreferences?: Record<string, number> }> = {
  "edinburgh_2017_ward6.blt": { elected: ["Scott DOUGLAS (C)", "Gillian GLOYER (LD)", "Frank ROSS (SNP)"] },
  "eilean_siar_2022_ward4.blt": { elected: ["Grant FULTON Independent", "Paul FINNEGAN Independent"] },
  "north_ayrshire_2022_arran.blt": {
    elected: ["Timothy BILLINGS Scottish Conservative and Unionist"],
    firstPreferences: {
      "Timothy BILLINGS Scottish Conservative and Unionist": 788,
      "Steve GARRAWAY Scottish National Party (SNP)": 625,
      "Aaran MCDONALD Scottish Labour Party": 243,
      "Ellen MCMASTER Independent": 229,
      "Ronna PARK Scottish Green Party": 241,
      "Tom YOUNG Independent": 305,
    },
  },
  "glasgow_2007_garscadden.blt": {
    elected: [
      "# ALTERNATIVE NAME 2: Liz Cameron (Lab)",
      "# ALTERNATIVE NAME 9: Paul Rooney (Lab)",
      "# ALTERNATIVE NAME 7: Jean Mcfadden (Lab)",
      "# ALTERNATIVE NAME 5: Graeme Hendry (SNP)",
    ],
  },
};

describe("real Scottish ward elections", () => {
  it("has the files to count", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  for (const [file, expected] of Object.entries(published)) {
    it(`${file}: elects the published councillors`, () => {
      const { result, name } = count(file);
      expect(new Set(result.elected.map(name))).toEqual(new Set(expected.elected));
      if (expected.firstPreferences) {
        const firstStage = Object.fromEntries(Object.entries(result.rounds[0]!.votes).map(([id, votes]) => [name(id), votes]));
        expect(firstStage).toEqual(expected.firstPreferences);
      }
    });
  }

  for (const file of files) {
    it(`${file}: follows the rules at every stage`, () => {
      const { election, result } = count(file);
      const valid = election.ballots.reduce((sum, ballot) => sum + ballot.weight, 0);
      expect(result.validBallots).toBe(valid);
      expect(result.quota).toBe(Math.floor(valid / (election.seats + 1)) + 1);
      expect(result.elected).toHaveLength(election.seats);
      expect(new Set(result.elected).size).toBe(election.seats);
      expect(result.placement).toHaveLength(election.candidates.length);

      const electedAt = new Map<string, { votes: number; asRemaining: boolean }>();
      for (const round of result.rounds) {
        // Votes are conserved: what candidates hold + non-transferable + truncation loss = valid votes.
        const held = Object.values(round.votes).reduce((sum, votes) => sum + votes, 0);
        expect(Math.round((held + round.nonTransferable + round.lostToRounding) * 100_000)).toBe(valid * 100_000);
        for (const event of round.events) {
          if (event.kind === "elected" || event.kind === "elected-as-remaining") {
            electedAt.set(event.candidate, { votes: event.votes, asRemaining: event.kind === "elected-as-remaining" });
          }
          if (event.kind === "surplus-transferred") expect(event.transferValue).toBeLessThan(1);
        }
      }
      // Every elected candidate reached the quota (rule 47) or was elected as one of the last remaining (rule 52).
      for (const id of result.elected) {
        const how = electedAt.get(id)!;
        expect(how.asRemaining || how.votes >= result.quota!).toBe(true);
      }
    });
  }
});
