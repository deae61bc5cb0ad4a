import { recordChange } from "../audit/record.ts";
import { checkChosenName } from "../people/names.ts";
import type { Clock } from "../shared/clock.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";
import { sectorKey, sectorNameValid, tidySectorName } from "./sector-name.ts";
import type { Sector } from "./sector.ts";

/** Where a sector was asked for: the refusal shows an example of that command. */
export type SectorUse = "profile" | "quota";

/**
 * The sector on the workspace's list that `typed` names (any case), or a refusal that lists the
 * sectors, or says the list is empty and who fills it.
 */
export async function listedSector(stores: Stores, workspaceId: string, typed: string, use: SectorUse, params: Record<string, string> = {}): Promise<Sector> {
  const sectors = await stores.sectors.list(workspaceId);
  const found = sectors.find((s) => s.key === sectorKey(typed));
  if (found) return found;
  if (sectors.length === 0) refuse("sector.none-yet");
  refuse(use === "profile" ? "sector.unknown-for-profile" : "sector.unknown-for-quota", {
    ...params,
    sector: tidySectorName(typed),
    sectors: sectors.map((s) => s.name).join(", "),
    example: sectors[0]!.name,
  });
}

/**
 * The council's list of sectors (toimiala). The bot has no council-chair role: the workspace's
 * admins are the council's office, so only they add and rename sectors.
 */
export class SectorService {
  constructor(private readonly deps: { uow: UnitOfWork; clock: Clock }) {}

  list(inv: Invocation): Promise<Sector[]> {
    return this.deps.uow.read.sectors.list(inv.workspaceId);
  }

  async add(inv: Invocation, typed: string): Promise<Sector> {
    requireOffice(inv, "sector add");
    const name = validName(typed);
    return this.deps.uow.run(async (stores) => {
      const existing = (await stores.sectors.list(inv.workspaceId)).find((s) => s.key === sectorKey(name));
      if (existing) refuse("sector.exists", { sector: existing.name });
      const sector = await stores.sectors.add({ workspaceId: inv.workspaceId, name, key: sectorKey(name) });
      await recordChange(stores, this.deps.clock, inv, "sector.added", subject(sector), { after: { name: sector.name } });
      return sector;
    });
  }

  /** Renames a sector, and with it every profile, candidate and quota that uses it, in one transaction. */
  async rename(inv: Invocation, from: string, to: string): Promise<{ sector: Sector; old: string; uses: { profiles: number; candidates: number; quotas: number } }> {
    requireOffice(inv, "sector rename");
    const name = validName(to);
    return this.deps.uow.run(async (stores) => {
      const sectors = await stores.sectors.list(inv.workspaceId);
      const old = sectors.find((s) => s.key === sectorKey(from));
      if (!old) refuse("sector.not-found", { sector: tidySectorName(from), sectors: sectors.map((s) => s.name).join(", ") || "—" });
      const clash = sectors.find((s) => s.key === sectorKey(name) && s.id !== old.id);
      if (clash) refuse("sector.exists", { sector: clash.name });
      const sector = await stores.sectors.rename(old.id, name, sectorKey(name));
      const uses = await stores.sectors.relabelUses(inv.workspaceId, old.key, sector.name);
      await recordChange(stores, this.deps.clock, inv, "sector.renamed", subject(sector), { before: { name: old.name }, after: { name: sector.name, ...uses } });
      return { sector, old: old.name, uses };
    });
  }
}

const subject = (sector: Sector) => ({ type: "sector", id: sector.id, groupId: null });

function requireOffice(inv: Invocation, action: string): void {
  if (!inv.actor.isWorkspaceAdmin) refuse("sector.admin-only", { action });
}

/** Visible characters only, as for person and group names (people/names.ts), and what the tally's files allow. */
function validName(typed: string): string {
  const checked = checkChosenName(typed);
  const name = checked.ok ? tidySectorName(checked.name) : tidySectorName(typed);
  if (!checked.ok || !sectorNameValid(name)) refuse("sector.bad-name", { sector: name });
  return name;
}
