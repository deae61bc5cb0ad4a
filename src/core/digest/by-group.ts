import { groupNameKey, type Group } from "../groups/group.ts";
import { withGroups } from "../groups/with-groups.ts";
import type { Stores } from "../shared/unit-of-work.ts";

/**
 * Rows of the workspace's groups (read for the whole workspace at once) as the digest lists them:
 * by the group's name, each group's rows in the order given, with their group. Only the groups that
 * have rows are read, so a digest costs what it shows, not one read per group.
 */
export async function byGroup<Row extends { readonly groupId: string }>(stores: Stores, rows: readonly Row[]): Promise<{ group: Group; row: Row }[]> {
  const placed = (await withGroups(stores, rows)).map((entry) => ({ ...entry, key: groupNameKey(entry.group.name) }));
  // Stable: a group's rows keep the store's order.
  placed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return placed.map(({ group, row }) => ({ group, row }));
}
