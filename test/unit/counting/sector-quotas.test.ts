import { describe, expect, it } from "vitest";
import { countPlurality, countStv } from "../../../src/core/elections/counting/index.ts";

// Three candidates for two seats; the two "Sote" ones (spelled differently, as profiles stored before
// the council's list of sectors were) lead. The quota allows one seat for the sector.
const candidates = [
  { id: "1", name: "Anna", sector: "Sote" },
  { id: "2", name: "Bertta", sector: "SOTE" },
  { id: "3", name: "Cecilia", sector: "Kulttuuri" },
];

describe("sector quotas match sectors whatever their case", () => {
  it("a plurality count gives the quota sote=1 one seat of Sote and SOTE", () => {
    const marks = [
      { marks: ["1"], weight: 10 },
      { marks: ["2"], weight: 8 },
      { marks: ["3"], weight: 3 },
    ];
    const result = countPlurality(candidates, marks, { seats: 2, quotas: { sote: 1 } });
    expect(result.elected).toEqual(["1", "3"]);
    expect(result.rounds.flatMap((r) => r.events)).toContainEqual({ kind: "skipped-sector-full", candidate: "2", sector: "SOTE" });
  });

  it("an STV count does the same, and ä and ö fold too", () => {
    const ballots = [
      { ranking: ["1", "2"], weight: 10 },
      { ranking: ["2", "1"], weight: 8 },
      { ranking: ["3"], weight: 3 },
    ];
    expect(countStv(candidates, ballots, { seats: 2, quotas: { " sote ": 1 } }).elected).toEqual(["1", "3"]);
    const nordic = candidates.map((c) => ({ ...c, sector: c.id === "3" ? c.sector : c.id === "1" ? "Liikunta ja YHDISTYSTOIMINTA Ä" : "liikunta ja yhdistystoiminta ä" }));
    expect(countStv(nordic, ballots, { seats: 2, quotas: { "LIIKUNTA JA yhdistystoiminta Ä": 1 } }).elected).toEqual(["1", "3"]);
  });
});
