import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ElectionCandidate } from "../../../src/core/elections/election.ts";
import { newReceipt, nextPlacedDeputies, parseBallot, seatsValid, seedHash, stepAllowed, statesFor } from "../../../src/core/elections/rules.ts";
import { isRefusal } from "../../../src/core/shared/refusal.ts";
import { translate } from "../../../src/i18n/translate.ts";

type OnBallot = Pick<ElectionCandidate, "number" | "displayName" | "status">;
const ballot: OnBallot[] = [
  { number: 1, displayName: "Anna Aalto", status: "accepted" },
  { number: 2, displayName: "Bertta Berg", status: "accepted" },
  { number: 3, displayName: "Cecilia", status: "withdrawn" },
  { number: 4, displayName: "Anna Aaltonen", status: "accepted" },
  { number: null, displayName: "Eero", status: "nominated" },
];

const refusalCode = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (isRefusal(error)) return error.code;
    throw error;
  }
  return "accepted";
};

describe("the election lifecycle", () => {
  it("moves draft -> nominating -> voting -> closed -> certified and nowhere else", () => {
    expect(stepAllowed("open-nominations", "draft", "stv")).toBe(true);
    expect(stepAllowed("open-voting", "draft", "stv")).toBe(false);
    expect(stepAllowed("open-voting", "nominating", "stv")).toBe(true);
    expect(stepAllowed("vote", "nominating", "stv")).toBe(false);
    expect(stepAllowed("vote", "voting", "stv")).toBe(true);
    expect(stepAllowed("close", "voting", "stv")).toBe(true);
    expect(stepAllowed("vote", "closed", "stv")).toBe(false);
    expect(stepAllowed("certify", "closed", "stv")).toBe(true);
    expect(stepAllowed("certify", "voting", "stv")).toBe(false);
    expect(stepAllowed("close", "certified", "stv")).toBe(false);
  });
  it("fixes quotas, criteria and deputies before voting, and lets a candidate withdraw until closing", () => {
    expect(statesFor("configure", "stv")).toEqual(["draft", "nominating"]);
    expect(statesFor("withdraw", "stv")).toEqual(["nominating", "voting"]);
    expect(statesFor("show-ballots", "plurality")).toEqual(["closed", "certified"]);
  });
  it("opens a yes/no decision straight from draft, with no nominations", () => {
    expect(stepAllowed("open-voting", "draft", "yes-no")).toBe(true);
    expect(stepAllowed("open-nominations", "draft", "yes-no")).toBe(false);
    expect(stepAllowed("nominate", "nominating", "yes-no")).toBe(false);
  });
  it("takes one seat for IRV and yes/no, at least one otherwise", () => {
    expect(seatsValid("irv", 1)).toBe(true);
    expect(seatsValid("irv", 2)).toBe(false);
    expect(seatsValid("yes-no", 2)).toBe(false);
    expect(seatsValid("stv", 5)).toBe(true);
    expect(seatsValid("plurality", 0)).toBe(false);
  });
});

describe("reading a ballot", () => {
  it("reads numbers and names (with spaces, longest match, unique first names) in order", () => {
    expect(parseBallot("stv", 2, ballot, "2 1")).toEqual({ kind: "candidates", numbers: [2, 1] });
    expect(parseBallot("stv", 2, ballot, "Anna Aaltonen, Bertta Berg 1")).toEqual({ kind: "candidates", numbers: [4, 2, 1] });
    expect(parseBallot("stv", 2, ballot, `"Anna Aaltonen" ”Bertta Berg” 1`)).toEqual({ kind: "candidates", numbers: [4, 2, 1] });
    expect(parseBallot("stv", 2, ballot, "bertta anna aalto")).toEqual({ kind: "candidates", numbers: [2, 1] });
  });
  it("refuses an ambiguous first name, an unknown choice, a withdrawn or repeated candidate", () => {
    expect(refusalCode(() => parseBallot("stv", 2, ballot, "Anna"))).toBe("election.choice-ambiguous");
    expect(refusalCode(() => parseBallot("stv", 2, ballot, "7"))).toBe("election.unknown-choice");
    expect(refusalCode(() => parseBallot("stv", 2, ballot, "Eero"))).toBe("election.unknown-choice");
    expect(refusalCode(() => parseBallot("stv", 2, ballot, "3"))).toBe("election.choice-withdrawn");
    expect(refusalCode(() => parseBallot("approval", 2, ballot, "1 2 1"))).toBe("election.choice-repeated");
    expect(refusalCode(() => parseBallot("approval", 2, ballot, " , "))).toBe("election.no-choices");
  });
  describe("with two candidates of the same or a look-alike name", () => {
    const twins: (OnBallot & Pick<ElectionCandidate, "organisation" | "electionId">)[] = [
      { number: 1, displayName: "Aino Virtanen", status: "accepted", organisation: "Kuopion Latu ry", electionId: "e7k2" },
      { number: 2, displayName: "Bertta Berg", status: "accepted", organisation: null, electionId: "e7k2" },
      { number: 3, displayName: "\u0410ino Virtanen", status: "accepted", organisation: "Iisalmen Nuoret", electionId: "e7k2" },
    ];
    const refusal = (input: string) => {
      try {
        parseBallot("stv", 2, twins, input);
      } catch (error) {
        if (isRefusal(error)) return error;
      }
      throw new Error("accepted");
    };
    it("refuses the name, listing the matching choices by number and a ballot by number", () => {
      const refused = refusal("Bertta Aino Virtanen");
      expect(refused.code).toBe("election.choice-ambiguous");
      expect(refused.params).toEqual({
        given: "Aino Virtanen",
        choices: "1. Aino Virtanen (Kuopion Latu ry) | 3. \u0410ino Virtanen (Iisalmen Nuoret)",
        example: "election vote e7k2 2 1",
      });
    });
    it("refuses the look-alike spelling and an ambiguous first name just the same; numbers still vote", () => {
      expect(refusal("\u0410INO VIRTANEN").code).toBe("election.choice-ambiguous");
      expect(refusal("aino").code).toBe("election.choice-ambiguous");
      expect(parseBallot("stv", 2, twins, "3 1 Bertta")).toEqual({ kind: "candidates", numbers: [3, 1, 2] });
    });
  });
  it("allows plurality up to the seats, approval any number", () => {
    expect(refusalCode(() => parseBallot("plurality", 2, ballot, "1 2 4"))).toBe("election.too-many-choices");
    expect(parseBallot("plurality", 2, ballot, "1 4")).toEqual({ kind: "candidates", numbers: [1, 4] });
    expect(parseBallot("approval", 1, ballot, "1 2 4")).toEqual({ kind: "candidates", numbers: [1, 2, 4] });
  });
  it("reads yes/no/abstain in English, Finnish and Swedish", () => {
    for (const [word, answer] of [["yes", "yes"], ["Kyllä", "yes"], ["ja", "yes"], ["ei", "no"], ["nej", "no"], ["tyhjä", "abstain"], ["abstain", "abstain"]] as const) {
      expect(parseBallot("yes-no", 1, [], word)).toEqual({ kind: "yes-no", answer });
    }
    expect(refusalCode(() => parseBallot("yes-no", 1, [], "yes no"))).toBe("election.yes-no-answer");
  });
  it("reads every answer the ballot and the results show, in each language", () => {
    for (const locale of ["fi", "en", "sv"] as const) {
      for (const answer of ["yes", "no", "abstain"] as const) {
        expect(parseBallot("yes-no", 1, [], translate(locale, `elections.answer.${answer}`))).toEqual({ kind: "yes-no", answer });
      }
    }
  });
  it("never accepts a ballot with a repeated or unknown candidate (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 }), (numbers) => {
        const outcome = refusalCode(() => parseBallot("stv", 2, ballot, numbers.join(" ")));
        const valid = new Set(numbers).size === numbers.length && numbers.every((n) => n === 1 || n === 2 || n === 4);
        expect(outcome === "accepted").toBe(valid);
      }),
    );
  });
});

describe("next-placed deputies", () => {
  const sectors: Record<string, string | null> = { a: "culture", b: "culture", c: "sport", d: "culture", e: null, f: null };
  it("gives each elected member the best placed unelected candidate of the same sector, once", () => {
    expect(nextPlacedDeputies(["a", "c", "b", "d", "e"], ["a", "c"], (id) => sectors[id] ?? null)).toEqual({ a: "b" });
    expect(nextPlacedDeputies(["a", "e", "b", "f", "d"], ["a", "e", "b"], (id) => sectors[id] ?? null)).toEqual({ a: "d", e: "f" });
  });
});

describe("receipts and the lot seed", () => {
  it("makes receipts a voter can read aloud", () => {
    const receipts = Array.from({ length: 200 }, newReceipt);
    for (const r of receipts) expect(r).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(new Set(receipts).size).toBe(200);
  });
  it("publishes the SHA-256 of the seed", () => {
    expect(seedHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
