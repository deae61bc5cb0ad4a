import { groupNameKey, type Group } from "../groups/group.ts";
import type { Stores } from "../shared/unit-of-work.ts";

/**
 * Rows of the workspace's groups (read for the whole workspace at once) as the digest lists them:
 * by the group's name, each group's rows in the order given, with their group. Only the groups that
 * have rows are read, so a digest costs what it shows, not one read per group.
 */
export async function byGroup<Row extends { readonly groupId: string }>(stores: Stores, rows: readonly Row[]): Promise<{ group: Group; row: Row }[]> {
  const groups = new Map<string, { group: Group; key: string }>();
  for (const id of new Set(rows.map((row) => row.groupId))) {
    const group = await stores.groups.findById(id);
    if (group) groups.set(id, { group, key: groupNameKey(group.name) });
  }
  const placed = rows.flatMap((row) => {
    const found = groups.get(row.groupId);
    return found ? [{ ...found, row }] : [];
  });
  // Stable: a group's rows keep the store's order.
  placed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return placed.map(({ group, row }) => ({ group, row }));
}
