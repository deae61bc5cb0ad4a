import { describe, expect, it } from "vitest";
import { canHaveDeputy, isOfficer, mayGiveChair, mayManage, wouldLeaveNoChair } from "../../../src/core/groups/permissions.ts";
import type { Actor } from "../../../src/core/shared/invocation.ts";

const actor = (isWorkspaceAdmin = false): Actor => ({
  isWorkspaceAdmin,
  person: { id: "p1", externalId: "console:p1", displayName: "P", organisation: null, sector: null, municipality: null, locale: null },
});

describe("who may manage a group", () => {
  it("given a chair, vice-chair or secretary, when managing, then allowed", () => {
    for (const role of ["chair", "vice-chair", "secretary"] as const) expect(mayManage(actor(), { role })).toBe(true);
  });
  it("given a member, deputy or observer, when managing, then refused", () => {
    for (const role of ["member", "deputy", "observer"] as const) expect(mayManage(actor(), { role })).toBe(false);
  });
  it("given a workspace admin outside the group, when managing, then allowed", () => {
    expect(mayManage(actor(true), null)).toBe(true);
  });
  it("given someone outside the group, when managing, then refused", () => {
    expect(isOfficer(null)).toBe(false);
    expect(mayManage(actor(), null)).toBe(false);
  });
});

describe("who may give or take the chair", () => {
  it("given a chair or a workspace admin, when giving the chair, then allowed", () => {
    expect(mayGiveChair(actor(), { role: "chair" })).toBe(true);
    expect(mayGiveChair(actor(true), null)).toBe(true);
  });
  it("given a vice-chair, secretary or anyone else, when giving the chair, then refused", () => {
    for (const role of ["vice-chair", "secretary", "member", "deputy", "observer"] as const) expect(mayGiveChair(actor(), { role })).toBe(false);
    expect(mayGiveChair(actor(), null)).toBe(false);
  });
});

describe("the last chair", () => {
  const members = [
    { personId: "anna", role: "chair" as const },
    { personId: "ben", role: "member" as const },
  ];
  it("given the only chair, when they leave, then the group would have no chair", () => {
    expect(wouldLeaveNoChair(members, "anna")).toBe(true);
  });
  it("given two chairs, when one leaves, then a chair remains", () => {
    expect(wouldLeaveNoChair([...members, { personId: "cecilia", role: "chair" }], "anna")).toBe(false);
  });
  it("given a member, when they leave, then the chair remains", () => {
    expect(wouldLeaveNoChair(members, "ben")).toBe(false);
  });
});

describe("personal deputies", () => {
  it("given a deputy or observer, when naming a deputy for them, then not possible", () => {
    expect(canHaveDeputy("deputy")).toBe(false);
    expect(canHaveDeputy("observer")).toBe(false);
    expect(canHaveDeputy("member")).toBe(true);
    expect(canHaveDeputy("chair")).toBe(true);
  });
});
