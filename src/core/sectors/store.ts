import type { Sector } from "./sector.ts";

export interface SectorStore {
  /** The workspace's list, in alphabetical order. */
  list(workspaceId: string): Promise<Sector[]>;
  add(input: { workspaceId: string; name: string; key: string }): Promise<Sector>;
  rename(id: string, name: string, key: string): Promise<Sector>;
  /**
   * Every use of the sector with key `fromKey` in the workspace takes the spelling `to`: the
   * profiles of people in the workspace's groups, candidates and quotas of its elections. Stored
   * spellings are matched by key, so older spellings ("SOTE") follow too. Returns how many changed.
   */
  relabelUses(workspaceId: string, fromKey: string, to: string): Promise<{ profiles: number; candidates: number; quotas: number }>;
}
