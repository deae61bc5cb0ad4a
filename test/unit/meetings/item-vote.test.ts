import { describe, expect, it } from "vitest";
import { voteOutcome } from "../../../src/core/meetings/item-vote.ts";
import { noticeFault } from "../../../src/core/meetings/notice.ts";

describe("a vote at a meeting (Associations Act §27)", () => {
  it("passes with more yes than no; abstentions count for neither", () => {
    expect(voteOutcome({ yes: 3, no: 2, abstain: 4 }, "majority", null)).toEqual({ kind: "decided", passed: true, tieBreak: null });
    expect(voteOutcome({ yes: 2, no: 3, abstain: 0 }, "majority", null)).toEqual({ kind: "decided", passed: false, tieBreak: null });
  });

  it("given a tie and no stated opinion, then the chair must decide; with one, the chair's opinion decides", () => {
    expect(voteOutcome({ yes: 2, no: 2, abstain: 1 }, "majority", null)).toEqual({ kind: "tie-needs-chair" });
    expect(voteOutcome({ yes: 2, no: 2, abstain: 1 }, "majority", "yes")).toEqual({ kind: "decided", passed: true, tieBreak: "chair" });
    expect(voteOutcome({ yes: 2, no: 2, abstain: 1 }, "majority", "no")).toEqual({ kind: "decided", passed: false, tieBreak: "chair" });
  });

  it("given ¾, then at least three quarters of the votes cast must be yes, abstentions left out", () => {
    expect(voteOutcome({ yes: 3, no: 1, abstain: 5 }, "three-quarters", null)).toMatchObject({ passed: true });
    expect(voteOutcome({ yes: 5, no: 2, abstain: 0 }, "three-quarters", null)).toMatchObject({ passed: false });
    expect(voteOutcome({ yes: 0, no: 0, abstain: 3 }, "three-quarters", null)).toMatchObject({ passed: false });
  });
});

describe("the notice (§24)", () => {
  const startsAt = new Date("2026-12-17T12:00:00Z");
  const notice = (sentAt: string, over: Partial<{ channelId: string | null; startsAt: Date }> = {}) => ({
    meetingId: "m",
    sentAt: new Date(sentAt),
    channelId: "#viestinta",
    startsAt,
    noticeDays: 7,
    ...over,
  });

  it("is lawful when sent through the group's channel at least the notice period before", () => {
    expect(noticeFault(notice("2026-12-10T12:00:00Z"), { startsAt })).toBeNull();
    expect(noticeFault(notice("2026-12-10T12:00:01Z"), { startsAt })).toBe("late");
  });

  it("is not lawful without a notice, without a channel, or for a meeting moved afterwards", () => {
    expect(noticeFault(null, { startsAt })).toBe("no-notice");
    expect(noticeFault(notice("2026-12-01T12:00:00Z", { channelId: null }), { startsAt })).toBe("no-channel");
    expect(noticeFault(notice("2026-12-01T12:00:00Z", { startsAt: new Date("2026-12-16T12:00:00Z") }), { startsAt })).toBe("moved");
  });
});
