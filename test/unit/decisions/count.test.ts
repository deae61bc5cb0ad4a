import { describe, expect, it } from "vitest";
import { countDecision } from "../../../src/core/decisions/count.ts";
import { challengeDeadline, type DecisionVoter } from "../../../src/core/decisions/decision.ts";
import { createLot } from "../../../src/core/elections/counting/lot.ts";
import { readGroupRules, ruleValue } from "../../../src/core/groups/rules.ts";

const seat = (personId: string, answer: DecisionVoter["answer"], answeredBy: string | null = answer ? personId : null): DecisionVoter => ({
  decisionId: "d",
  personId,
  deputyId: null,
  answer,
  answeredBy,
  answeredAt: null,
  prevented: false,
});

describe("counting a decision without a meeting", () => {
  const decision = { id: "d1", mode: "majority" as const, seed: "seed-1" };

  it("passes on more yes than no among the answers", () => {
    expect(countDecision(decision, [seat("a", "yes"), seat("b", "yes"), seat("c", "no"), seat("d", null)])).toMatchObject({ passed: true, unanswered: 1, byLot: false });
  });

  it("draws a tie by the committed lot, the same draw for anyone with the seed", () => {
    const count = countDecision(decision, [seat("a", "yes"), seat("b", "no")]);
    expect(count.byLot).toBe(true);
    expect(count.passed).toBe(createLot("seed-1").order("decision:d1", ["yes", "no"])[0] === "yes");
  });

  it("rejects when nobody supported it (0–0 is no tie to draw)", () => {
    expect(countDecision(decision, [seat("a", "abstain"), seat("b", null)])).toMatchObject({ passed: false, byLot: false });
  });

  it("given unanimity, then every seat needs the member's own yes; a deputy's or a missing one fails it", () => {
    const unanimous = { ...decision, mode: "unanimous" as const };
    expect(countDecision(unanimous, [seat("a", "yes"), seat("b", "yes")]).passed).toBe(true);
    expect(countDecision(unanimous, [seat("a", "yes"), seat("b", "yes", "b-deputy")]).passed).toBe(false);
    expect(countDecision(unanimous, [seat("a", "yes"), seat("b", null)]).passed).toBe(false);
  });

  it("gives three calendar months to challenge, the last day of a shorter month included", () => {
    const at = (iso: string) => challengeDeadline(new Date(iso), "Europe/Helsinki").toISOString();
    expect(at("2026-12-01T10:00:00Z")).toBe("2027-03-01T10:00:00.000Z");
    expect(at("2026-11-30T10:00:00Z")).toBe("2027-02-28T10:00:00.000Z");
  });
});

describe("group rules", () => {
  it("reads a stored object with the Act's defaults for what is missing or out of range", () => {
    expect(readGroupRules({ notice: 99, quorum: "half-with-chair" })).toMatchObject({ notice: 7, quorum: "half-with-chair", remote: "yes", registration: 0 });
  });

  it("takes days as whole numbers within bounds and choices by name", () => {
    expect(ruleValue("notice", "14")).toBe(14);
    expect(ruleValue("notice", "61")).toBeNull();
    expect(ruleValue("notice", "viikko")).toBeNull();
    expect(ruleValue("remote", "NO")).toBe("no");
  });
});
