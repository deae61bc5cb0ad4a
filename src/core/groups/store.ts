import type { MemberScope } from "./member-scope.ts";
import type { Window } from "../shared/page.ts";
import type { Group, MemberView, Membership, Role } from "./group.ts";
import type { MembershipRequest, RequestView } from "./request.ts";

export interface GroupStore {
  findByName(workspaceId: string, name: string): Promise<Group | null>;
  findById(id: string): Promise<Group | null>;
  /** By name; only `window`'s rows when one is given. */
  list(workspaceId: string, options: { includeArchived: boolean; window?: Window }): Promise<Group[]>;
  /** The workspace's groups founded or archived in [from, to), by name: the digest's. */
  foundedOrArchivedIn(workspaceId: string, from: Date, to: Date): Promise<Group[]>;
  count(workspaceId: string, options: { includeArchived: boolean }): Promise<number>;
  /**
   * A group of the workspace (archived ones included), other than `exceptId`, whose name is equal
   * to `name` or confusable with it (namesConfusable in src/core/people/names.ts).
   */
  findConfusable(workspaceId: string, name: string, exceptId: string | null): Promise<Group | null>;
  /** Active groups whose name key starts with (or else contains) `typed`, those starting with it first; at most `limit`. */
  matching(workspaceId: string, typedKey: string, limit: number): Promise<Group[]>;
  /** The groups a person belongs to, archived ones left out. */
  listForPerson(personId: string): Promise<Group[]>;
  /** The first `limit` of the member's groups, by name. */
  firstOfMember(scope: MemberScope, limit: number): Promise<Group[]>;
  /** Whether the person holds one of `roles` in a group that is not archived. */
  holdsRoleInAny(personId: string, roles: readonly Role[]): Promise<boolean>;
  create(input: { workspaceId: string; name: string }): Promise<Group>;
  /** The workspace's active groups other than `exceptId` linked to the channel, first `limit` by name. */
  sharingChannel(workspaceId: string, channelId: string, exceptId: string, limit: number): Promise<Group[]>;
  update(id: string, patch: Partial<Pick<Group, "name" | "channelId" | "archivedAt" | "rules">>): Promise<Group>;
  /**
   * Holds the group's row until the transaction ends, so that two role changes or removals cannot
   * both pass the last-chair check on the same snapshot (PostgreSQL reads committed data only).
   */
  lock(groupId: string): Promise<void>;
  members(groupId: string): Promise<MemberView[]>;
  membership(groupId: string, personId: string): Promise<Membership | null>;
  addMember(input: { groupId: string; personId: string; role: Role }): Promise<Membership>;
  updateMember(groupId: string, personId: string, patch: Partial<Pick<Membership, "role" | "deputyOfId">>): Promise<Membership>;
  removeMember(groupId: string, personId: string): Promise<void>;
  /** Pending membership requests, oldest first. */
  requests(groupId: string): Promise<RequestView[]>;
  request(groupId: string, personId: string): Promise<MembershipRequest | null>;
  addRequest(input: { groupId: string; personId: string; requestedAt: Date }): Promise<MembershipRequest>;
  /** Removes a pending request; true when there was one. */
  removeRequest(groupId: string, personId: string): Promise<boolean>;
}
