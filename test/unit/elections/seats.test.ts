import { describe, expect, it } from "vitest";
import type { SealedPayload } from "../../../src/core/elections/ballot-seal.ts";
import { claimFor, countedBallots, countsOf, peopleToNudge, preventedRefusal, seatsOf, standing, type Seat } from "../../../src/core/elections/seats.ts";

const seat = (patch: Partial<Seat> = {}): Seat => ({ memberId: "maija", deputyId: "pekka", prevented: false, hasVoted: false, byDeputy: false, ...patch });
const ballot = (receipt: string, standInFor: string | null = null): SealedPayload => ({ receipt, choices: { kind: "yes-no", answer: "yes" }, standInFor });

describe("the seats of a group", () => {
  it("are its voting members, each with their personal deputy; deputies and observers hold none", () => {
    const seats = seatsOf([
      { personId: "anna", role: "chair", deputyOfId: null },
      { personId: "maija", role: "member", deputyOfId: null },
      { personId: "pekka", role: "deputy", deputyOfId: "maija" },
      { personId: "liisa", role: "deputy", deputyOfId: null },
      { personId: "olli", role: "observer", deputyOfId: null },
    ]);
    expect(seats).toEqual([
      { memberId: "anna", deputyId: null },
      { memberId: "maija", deputyId: "pekka" },
    ]);
  });
});

describe("who may vote for a seat", () => {
  it("lets the member vote once, and not after declaring themselves prevented", () => {
    expect(standing(seat(), "maija", "prevented")).toEqual({ ok: true, as: "member" });
    expect(standing(seat({ hasVoted: true }), "maija", "not-voted")).toEqual({ ok: false, reason: "already-voted" });
    expect(standing(seat({ prevented: true }), "maija", "prevented")).toEqual({ ok: false, reason: "member-prevented" });
  });

  it("lets the member's own vote replace their deputy's", () => {
    expect(standing(seat({ hasVoted: true, byDeputy: true }), "maija", "not-voted")).toEqual({ ok: true, as: "member" });
  });

  it("lets the deputy vote only as the rule says, and says why not", () => {
    expect(standing(seat(), "pekka", "never")).toEqual({ ok: false, reason: "deputies-never" });
    expect(standing(seat(), "pekka", "prevented")).toEqual({ ok: false, reason: "member-not-prevented" });
    expect(standing(seat({ prevented: true }), "pekka", "prevented")).toEqual({ ok: true, as: "deputy" });
    expect(standing(seat(), "pekka", "not-voted")).toEqual({ ok: true, as: "deputy" });
    expect(standing(seat({ hasVoted: true }), "pekka", "not-voted")).toEqual({ ok: false, reason: "member-voted" });
    expect(standing(seat({ hasVoted: true, byDeputy: true }), "pekka", "not-voted")).toEqual({ ok: false, reason: "already-voted" });
  });

  it("refuses anyone else", () => {
    expect(standing(null, "olli", "not-voted")).toEqual({ ok: false, reason: "not-on-roll" });
    expect(standing(seat({ deputyId: null }), "pekka", "not-voted")).toEqual({ ok: false, reason: "not-on-roll" });
  });

  it("claims a deputy's seat only if prevented under the rule prevented", () => {
    expect(claimFor(seat(), "deputy", "prevented")).toEqual({ by: "deputy", memberId: "maija", deputyId: "pekka", onlyIfPrevented: true });
    expect(claimFor(seat(), "deputy", "not-voted")).toMatchObject({ onlyIfPrevented: false });
    expect(claimFor(seat(), "member", "not-voted")).toEqual({ by: "member", memberId: "maija" });
  });
});

describe("declaring oneself prevented", () => {
  it("is for a member with a deputy, under the rule prevented, before voting", () => {
    expect(preventedRefusal(seat(), "maija", "prevented")).toBeNull();
    expect(preventedRefusal(seat(), "pekka", "prevented")).toBe("not-on-roll");
    expect(preventedRefusal(seat(), "maija", "not-voted")).toBe("prevented-not-rule");
    expect(preventedRefusal(seat({ hasVoted: true }), "maija", "prevented")).toBe("voted-not-prevented");
    expect(preventedRefusal(seat({ prevented: true }), "maija", "prevented")).toBe("already-prevented");
    expect(preventedRefusal(seat({ deputyId: null }), "maija", "prevented")).toBe("no-deputy");
  });
});

describe("nudges", () => {
  it("go to whoever can still vote for each seat that has not voted", () => {
    const roll = [seat(), seat({ memberId: "anna", deputyId: null }), seat({ memberId: "ben", deputyId: "bea", prevented: true }), seat({ memberId: "cai", deputyId: "cid", hasVoted: true })];
    expect(peopleToNudge(roll, "never")).toEqual(["maija", "anna"]);
    expect(peopleToNudge(roll, "prevented")).toEqual(["maija", "anna", "bea"]);
    expect(peopleToNudge(roll, "not-voted")).toEqual(["maija", "pekka", "anna", "bea"]);
  });
});

describe("the ballots that count", () => {
  it("set a deputy's ballot aside when the member voted, and keep it when the seat is the deputy's", () => {
    const roll = [seat({ hasVoted: true }), seat({ memberId: "anna", deputyId: "aku", hasVoted: true, byDeputy: true })];
    const ballots = [ballot("A"), ballot("B", "maija"), ballot("C", "anna"), ballot("D")];
    expect(countedBallots(ballots, roll).map((b) => b.receipt)).toEqual(["A", "C", "D"]);
    expect(countsOf(roll)).toEqual({ voters: 2, voted: 2, byDeputy: 1 });
  });
});
