import { sectorKey } from "../../sectors/sector-name.ts";
import type { Candidate, SectorQuotas } from "./types.ts";

/**
 * Keeps count of seats taken per sector (toimiala). The council's operating model asks for fair
 * representation per sector: a sector with a quota of N takes at most N seats.
 */
export class SectorSeats {
  /** Seats taken and quotas by sector key: "Sote", "SOTE" and "sote" are one sector. */
  private readonly taken = new Map<string, number>();
  private readonly quotas = new Map<string, number>();

  constructor(
    private readonly candidates: readonly Candidate[],
    quotas: SectorQuotas = {},
  ) {
    // Two spellings of one sector in the quotas: the stricter holds.
    for (const [sector, max] of Object.entries(quotas)) {
      const key = sectorKey(sector);
      this.quotas.set(key, Math.min(max, this.quotas.get(key) ?? max));
    }
  }

  sectorOf(candidate: number): string | undefined {
    return this.candidates[candidate]?.sector;
  }

  /** Whether the candidate's sector still has room (a candidate without a sector always fits). */
  hasRoomFor(candidate: number): boolean {
    const key = this.keyOf(candidate);
    if (key === undefined) return true;
    const quota = this.quotas.get(key);
    return quota === undefined || (this.taken.get(key) ?? 0) < quota;
  }

  take(candidate: number): void {
    const key = this.keyOf(candidate);
    if (key !== undefined) this.taken.set(key, (this.taken.get(key) ?? 0) + 1);
  }

  private keyOf(candidate: number): string | undefined {
    const sector = this.sectorOf(candidate);
    return sector === undefined ? undefined : sectorKey(sector);
  }
}
