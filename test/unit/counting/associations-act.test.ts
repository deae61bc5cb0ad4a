import { describe, expect, it } from "vitest";
import { countHarmonic, countListVote, countRanked, type Candidate, type MarkBallot } from "../../../src/core/elections/counting/index.ts";

// Hand-computed worked examples of the Associations Act's proportional methods (yhdistyslaki 29 § 3).

const marks = (spec: Record<string, number>): MarkBallot[] => Object.entries(spec).map(([id, weight]) => ({ marks: [id], weight }));

// Three lists: A = candidates 1, 2, 3 (in the list's own order); B = 4, 5; C = 6 alone (no list).
const listed: Candidate[] = [
  { id: "1", list: "A" },
  { id: "2", list: "A" },
  { id: "3", list: "A" },
  { id: "4", list: "B" },
  { id: "5", list: "B" },
  { id: "6" },
];
// Personal votes: 1: 7, 2: 3, 3: 2 (A = 12); 4: 1, 5: 8 (B = 9); 6: 5 (its own list = 5).
const ballots = marks({ "1": 7, "2": 3, "3": 2, "4": 1, "5": 8, "6": 5 });

describe("dhondt: list vote, seats within a list in the list's order", () => {
  it("gives comparison numbers list total / 1, / 2, / 3 in list order and seats to the highest", () => {
    // A: 1 → 12/1 = 12, 2 → 12/2 = 6, 3 → 12/3 = 4
    // B: 4 → 9/1 = 9 (first on the list, though 5 has more personal votes), 5 → 9/2 = 4.5
    // 6: 5/1 = 5
    // Highest three: 12 (1), 9 (4), 6 (2).
    const result = countListVote("dhondt", listed, ballots, { seats: 3 });
    expect(result.rounds[0]!.lists).toEqual({ A: 12, B: 9, "#6": 5 });
    expect(result.rounds[1]!.votes).toEqual({ "1": 12, "2": 6, "3": 4, "4": 9, "5": 4.5, "6": 5 });
    expect(result.elected).toEqual(["1", "4", "2"]);
    expect(result.placement).toEqual(["1", "4", "2", "6", "5", "3"]);
    expect(result.validBallots).toBe(26);
  });

  it("a fourth seat goes to the single candidate's 5 before list B's second (4.5)", () => {
    expect(countListVote("dhondt", listed, ballots, { seats: 4 }).elected).toEqual(["1", "4", "2", "6"]);
  });

  it("a ballot naming two candidates, or none, is invalid", () => {
    const result = countListVote("dhondt", listed, [...ballots, { marks: ["1", "4"] }, { marks: [] }], { seats: 3 });
    expect(result.invalidBallots).toBe(2);
    expect(result.validBallots).toBe(26);
  });
});

describe("lists: candidate vote within lists (municipal elections)", () => {
  it("orders each list by personal votes before dividing", () => {
    // A by personal votes: 1 (7), 2 (3), 3 (2) → 12, 6, 4
    // B by personal votes: 5 (8), 4 (1) → 9/1 = 9 for 5, 9/2 = 4.5 for 4
    // 6 → 5.  Highest three: 12 (1), 9 (5), 6 (2).
    const result = countListVote("lists", listed, ballots, { seats: 3 });
    expect(result.rounds[0]!.votes).toEqual({ "1": 7, "2": 3, "3": 2, "4": 1, "5": 8, "6": 5 });
    expect(result.rounds[1]!.votes).toEqual({ "1": 12, "2": 6, "3": 4, "4": 4.5, "5": 9, "6": 5 });
    expect(result.elected).toEqual(["1", "5", "2"]);
  });

  it("equal personal votes within a list and equal comparison numbers are decided by the committed lot", () => {
    // A: 1 and 2 both 4 votes (A = 8): the lot orders them, one gets 8, the other 4.
    // B: 4 has 8 votes (B = 8): 8. So 8 = 8 between A's first and 4: lot again for the first seat.
    const tied: Candidate[] = [{ id: "1", list: "A" }, { id: "2", list: "A" }, { id: "4", list: "B" }];
    const count = (seed: string) => countListVote("lists", tied, marks({ "1": 4, "2": 4, "4": 8 }), { seats: 2, seed });
    const result = count("published-seed");
    expect(result.ties.map((tie) => tie.reason)).toEqual(["lot", "lot"]);
    expect(result.ties[0]!.purpose).toBe("placement");
    expect(result.elected).toHaveLength(2);
    expect(result.elected).toContain("4");
    expect(count("published-seed")).toEqual(result);
  });

  it("counts a BLT's first standing preference as the vote, withdrawn candidates struck", () => {
    // 3 is withdrawn: the ballot [3, 5] is a vote for 5 (B = 9 + 1 = 10).
    const result = countRanked("lists", listed, [{ ranking: ["3", "5"] }, ...ballots.map((b) => ({ ranking: b.marks, weight: b.weight }))], {
      seats: 2,
      withdrawn: ["3"],
    });
    expect(result.rounds[0]!.lists).toEqual({ A: 10, B: 10, "#6": 5 });
    expect(result.rounds[0]!.events).toEqual([{ kind: "withdrawn", candidate: "3" }]);
  });
});

describe("harmonic: ranked ballots without lists, 1/k of a vote for the k-th", () => {
  const candidates: Candidate[] = [{ id: "1" }, { id: "2" }, { id: "3" }, { id: "4" }];
  const ranked = [
    { ranking: ["1", "2", "3"], weight: 3 }, // 1: 3, 2: 3/2, 3: 3/3
    { ranking: ["2", "3", "1"], weight: 2 }, // 2: 2, 3: 2/2, 1: 2/3
    { ranking: ["3", "2"], weight: 2 }, // 3: 2, 2: 2/2
    { ranking: ["4"] }, // 4: 1
  ];
  it("sums the shares and elects the highest totals", () => {
    // 1: 3 + 2/3 = 11/3 = 3.66666…; 2: 3/2 + 2 + 1 = 4.5; 3: 1 + 1 + 2 = 4; 4: 1
    const result = countHarmonic(candidates, ranked, { seats: 2 });
    expect(result.rounds[0]!.votes).toEqual({ "1": 3.66666, "2": 4.5, "3": 4, "4": 1 });
    expect(result.elected).toEqual(["2", "3"]);
    expect(result.placement).toEqual(["2", "3", "1", "4"]);
  });

  it("compares exactly: ten tenths equal one whole vote, a tie for the lot", () => {
    // Candidate 10 is ranked tenth on ten ballots: 10 × 1/10 = 1 (in floating point, 0.9999999999999999).
    // Candidate 11 is first on one ballot: 1. Exactly equal: decided by lot.
    const many: Candidate[] = Array.from({ length: 11 }, (_, i) => ({ id: String(i + 1) }));
    const ballot = { ranking: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], weight: 10 };
    const result = countHarmonic(many, [ballot, { ranking: ["11"] }], { seats: 10, seed: "s" });
    const tie = result.ties.find((t) => t.candidates.includes("10"));
    expect(tie).toMatchObject({ reason: "lot", candidates: expect.arrayContaining(["10", "11"]) });
    expect(result.rounds[0]!.votes["10"]).toBe(1);
  });
});
