import { describe, expect, it } from "vitest";
import type { MemberView } from "../../../src/core/groups/group.ts";
import type { Attendance } from "../../../src/core/meetings/meeting.ts";
import { computeQuorum } from "../../../src/core/meetings/quorum.ts";

const member = (personId: string, role: MemberView["role"], deputyOfId: string | null = null): MemberView => ({
  groupId: "g",
  personId,
  role,
  deputyOfId,
  joinedAt: new Date(0),
  displayName: personId,
  externalId: `console:${personId}`,
  organisation: null,
  sector: null,
});
const here = (personId: string, forMemberId: string | null = null): Attendance => ({ meetingId: "m", personId, mode: "present", forMemberId });

// Four votes: chair, secretary and two members; a personal deputy for Maija; an observer.
const group = [
  member("anna", "chair"),
  member("sari", "secretary"),
  member("maija", "member"),
  member("liisa", "member"),
  member("pekka", "deputy", "maija"),
  member("olli", "observer"),
];

describe("quorum", () => {
  it("given more than half of the members present, when counting, then quorate", () => {
    const q = computeQuorum(group, [here("anna"), here("sari"), here("maija")]);
    expect(q).toMatchObject({ members: 4, present: 3, required: 3, reached: true });
  });

  it("given exactly half present, when counting, then not quorate", () => {
    expect(computeQuorum(group, [here("anna"), here("sari")])).toMatchObject({ present: 2, reached: false });
  });

  it("given a personal deputy standing in for an absent member, when counting, then counts for the member", () => {
    const q = computeQuorum(group, [here("anna"), here("sari"), here("pekka")]);
    expect(q).toMatchObject({ present: 3, reached: true });
    expect(q.voters).toContain("pekka");
  });

  it("given the member and their deputy both present, when counting, then the member's vote counts once", () => {
    expect(computeQuorum(group, [here("anna"), here("maija"), here("pekka")])).toMatchObject({ present: 2, reached: false });
  });

  it("given a deputy named to stand in for another member, when counting, then counts for that member", () => {
    expect(computeQuorum(group, [here("anna"), here("sari"), here("pekka", "liisa")])).toMatchObject({ present: 3, reached: true });
  });

  it("given observers present, when counting, then they do not count", () => {
    expect(computeQuorum(group, [here("anna"), here("olli")])).toMatchObject({ present: 1, reached: false });
  });
});
