import type { Actor } from "../shared/invocation.ts";
import { officerRoles, type Group, type Membership, type Role } from "./group.ts";

// Pure preconditions: no store, no platform, so they are tested on their own.

export const isOfficer = (membership: Pick<Membership, "role"> | null): boolean =>
  membership !== null && officerRoles.includes(membership.role);

/** Officers run a group; a workspace admin may step in, e.g. when every officer has left. */
export const mayManage = (actor: Actor, membership: Pick<Membership, "role"> | null): boolean =>
  actor.isWorkspaceAdmin || isOfficer(membership);

/** The chair role is given and taken only by a chair (or an admin), so no other officer can seize it. */
export const mayGiveChair = (actor: Actor, membership: Pick<Membership, "role"> | null): boolean =>
  actor.isWorkspaceAdmin || membership?.role === "chair";

export const isArchived = (group: Pick<Group, "archivedAt">): boolean => group.archivedAt !== null;

/** True when taking `personId` out of the chair would leave the group without one. */
export const wouldLeaveNoChair = (
  members: readonly Pick<Membership, "personId" | "role">[],
  personId: string,
): boolean => {
  const chairs = members.filter((m) => m.role === "chair");
  return chairs.length === 1 && chairs[0]?.personId === personId;
};

/** Roles a personal deputy can stand in for: a deputy does not get a deputy of their own. */
export const canHaveDeputy = (role: Role): boolean => role !== "deputy" && role !== "observer";
