import type { Candidate, SectorQuotas } from "./types.ts";

/**
 * Keeps count of seats taken per sector (toimiala). The council's operating model asks for fair
 * representation per sector: a sector with a quota of N takes at most N seats.
 */
export class SectorSeats {
  private readonly taken = new Map<string, number>();

  constructor(
    private readonly candidates: readonly Candidate[],
    private readonly quotas: SectorQuotas = {},
  ) {}

  sectorOf(candidate: number): string | undefined {
    return this.candidates[candidate]?.sector;
  }

  /** Whether the candidate's sector still has room (a candidate without a sector always fits). */
  hasRoomFor(candidate: number): boolean {
    const sector = this.sectorOf(candidate);
    if (sector === undefined) return true;
    const quota = this.quotas[sector];
    return quota === undefined || (this.taken.get(sector) ?? 0) < quota;
  }

  take(candidate: number): void {
    const sector = this.sectorOf(candidate);
    if (sector !== undefined) this.taken.set(sector, (this.taken.get(sector) ?? 0) + 1);
  }
}
