import { describe, expect, it } from "vitest";
import { matchRequest, type RequestView } from "../../../src/core/groups/request.ts";

const request = (displayName: string, externalId: string): RequestView => ({
  groupId: "g1",
  personId: externalId,
  requestedAt: new Date("2026-11-28T10:00:00Z"),
  displayName,
  externalId,
});

describe("the request an accept or decline names", () => {
  const requests = [request("Maija Virtanen", "slack:T1:U1"), request("Pekka", "slack:T1:U2"), request("Pekka", "slack:T1:U3")];

  it("given a button's platform id, when matched, then that requester", () => {
    expect(matchRequest(requests, "slack:T1:U3")?.externalId).toBe("slack:T1:U3");
  });
  it("given a typed name in any case, when one requester has it, then that requester", () => {
    expect(matchRequest(requests, " @maija virtanen ")?.externalId).toBe("slack:T1:U1");
  });
  it("given a name two requesters share, or nobody's, when matched, then none (the platform decides)", () => {
    expect(matchRequest(requests, "Pekka")).toBeNull();
    expect(matchRequest(requests, "<@U9>")).toBeNull();
  });
});
