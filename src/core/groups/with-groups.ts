import type { Stores } from "../shared/unit-of-work.ts";
import type { Group } from "./group.ts";

/**
 * Each row with its group, each group read once (through the store's cache), in the rows' order; a
 * row whose group no longer exists is left out. For rows read across groups at once, so that a
 * list costs the groups it shows, not one read per group it could have.
 */
export async function withGroups<Row extends { readonly groupId: string }>(stores: Stores, rows: readonly Row[]): Promise<{ row: Row; group: Group }[]> {
  const found = new Map<string, Group>();
  for (const id of new Set(rows.map((row) => row.groupId))) {
    const group = await stores.groups.findById(id);
    if (group) found.set(id, group);
  }
  return rows.flatMap((row) => {
    const group = found.get(row.groupId);
    return group ? [{ row, group }] : [];
  });
}
