/**
 * The groups a person is a member of in one workspace, archived ones left out: what `overview`
 * reads across. The store joins them in its query, so that a council's secretary, a member of every
 * group, costs the reads no more than a member of one.
 */
export interface MemberScope {
  readonly personId: string;
  readonly workspaceId: string;
}
