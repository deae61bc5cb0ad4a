import { sectorKey } from "../sectors/sector-name.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { Election, ElectionCandidate } from "./election.ts";

/** The quotas with `sector` set to `max`; a quota stored under another spelling of it is replaced. */
export function withQuota(quotas: Readonly<Record<string, number>>, sector: string, max: number): Record<string, number> {
  const others = Object.entries(quotas).filter(([stored]) => sectorKey(stored) !== sectorKey(sector));
  return { ...Object.fromEntries(others), [sector]: max };
}

/**
 * Before voting opens: every accepted candidate's sector (from their profile, as voting will fix it)
 * must be on the council's list when the election has quotas, or a quota could miss a candidate
 * spelled differently. Without quotas the election opens and the names are returned for a warning;
 * a council that keeps no list of sectors gets none.
 */
export async function candidateSectors(stores: Stores, election: Election, accepted: readonly ElectionCandidate[]): Promise<string[]> {
  if (election.method === "yes-no") return [];
  const listed = new Set((await stores.sectors.list(election.workspaceId)).map((s) => s.key));
  const hasQuotas = Object.keys(election.quotas).length > 0;
  if (listed.size === 0 && !hasQuotas) return [];
  const unknown: string[] = [];
  for (const candidate of accepted) {
    const person = await stores.people.findById(candidate.personId);
    const sector = person ? person.sector : candidate.sector;
    if (sector === null || !listed.has(sectorKey(sector))) unknown.push(`${person?.displayName ?? candidate.displayName} (${sector ?? "—"})`);
  }
  if (hasQuotas && unknown.length > 0) refuse("election.sectors-unknown", { id: election.id, candidates: unknown.join(", ") });
  return unknown;
}
