import { sectorKey } from "../core/sectors/sector-name.ts";
import type { Sector } from "../core/sectors/sector.ts";
import type { SectorStore } from "../core/sectors/store.ts";
import type { Sector as SectorRow } from "../generated/prisma/client.ts";
import type { DbTx } from "./prisma-client.ts";

const toSector = ({ id, workspaceId, name, key }: SectorRow): Sector => ({ id, workspaceId, name, key });

/** Elections whose candidates and quotas still count: a closed election's record stays as it was counted. */
const openStates = ["draft", "nominating", "voting"];

export const sectorStore = (db: DbTx): SectorStore => ({
  async list(workspaceId) {
    const rows = await db.sector.findMany({ where: { workspaceId } });
    return rows.map(toSector).sort((a, b) => a.name.localeCompare(b.name, "fi"));
  },
  async add(input) {
    return toSector(await db.sector.create({ data: input }));
  },
  async rename(id, name, key) {
    return toSector(await db.sector.update({ where: { id }, data: { name, key } }));
  },
  async relabelUses(workspaceId, fromKey, to) {
    // Stored spellings may differ in case, which SQL's lower() does not fold for ä and ö: the
    // distinct spellings are matched here (a handful), and the rows updated by spelling, so that
    // neither the workspace's people nor its candidates are read or listed one by one.
    const matches = (stored: string | null): stored is string => stored !== null && sectorKey(stored) === fromKey;
    const oldSpellings = (rows: readonly { sector: string | null }[]) => rows.map(({ sector }) => sector).filter(matches);

    // Keys written out in each filter (not spread from a constant), so that TypeScript checks them.
    const memberships = { some: { group: { workspaceId } } };
    const personSpellings = oldSpellings(await db.person.findMany({ where: { memberships, sector: { not: null } }, distinct: ["sector"], select: { sector: true } }));
    const { count: profiles } = personSpellings.length ? await db.person.updateMany({ where: { memberships, sector: { in: personSpellings } }, data: { sector: to } }) : { count: 0 };

    const elections = await db.election.findMany({ where: { workspaceId, state: { in: openStates } }, select: { id: true, quotas: true } });
    const electionId = { in: elections.map((e) => e.id) };
    const candidateSpellings = oldSpellings(await db.electionCandidate.findMany({ where: { electionId, sector: { not: null } }, distinct: ["sector"], select: { sector: true } }));
    const { count: candidates } = candidateSpellings.length
      ? await db.electionCandidate.updateMany({ where: { electionId, sector: { in: candidateSpellings } }, data: { sector: to } })
      : { count: 0 };

    let quotas = 0;
    for (const election of elections) {
      const stored = JSON.parse(election.quotas) as Record<string, number>;
      if (!Object.keys(stored).some(matches)) continue;
      const relabelled: Record<string, number> = {};
      for (const [sector, max] of Object.entries(stored)) {
        const name = matches(sector) ? to : sector;
        // Two old spellings of one sector become one quota: the stricter holds.
        relabelled[name] = Math.min(max, relabelled[name] ?? max);
      }
      await db.election.update({ where: { id: election.id }, data: { quotas: JSON.stringify(relabelled) } });
      quotas++;
    }
    return { profiles, candidates, quotas };
  },
});
