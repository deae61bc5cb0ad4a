import { indexCandidates, withdrawnPositions } from "./candidates.ts";
import { mulDivFloor, SCALE, unitsToVotes, votesToUnits } from "./fixed-point.ts";
import { createLot, DEFAULT_LOT_SEED } from "./lot.ts";
import { SectorSeats } from "./quotas.ts";
import { aggregateRanked } from "./ranked-ballots.ts";
import { breakTie, orderBestFirst, type TieContext } from "./ties.ts";
import type {
  Candidate,
  CountResult,
  RankedBallot,
  Round,
  RoundEvent,
  SectorQuotas,
  StageKind,
  TieRecord,
} from "./types.ts";

/** How a transfer count decides who is elected; the rest (stages, transfers, ties) is shared. */
export type TransferRule =
  /** Scottish STV: Droop quota, surpluses transferred by the weighted inclusive Gregory method. */
  | { kind: "stv" }
  /** Instant runoff: one seat, elected on a majority of the votes still with continuing candidates. */
  | { kind: "irv" };

export interface TransferCountInput {
  readonly rule: TransferRule;
  readonly candidates: readonly Candidate[];
  readonly ballots: readonly RankedBallot[];
  readonly seats: number;
  readonly quotas?: SectorQuotas;
  readonly seed?: string;
  readonly withdrawn?: readonly string[];
}

const CONTINUING = 0;
const ELECTED = 1;
const EXCLUDED = 2;
const WITHDRAWN = 3;

/**
 * Counts ranked ballots stage by stage, following The Scottish Local Government Elections Order 2007,
 * Schedule 1, rules 45–52, in integer fixed point (see fixed-point.ts). IRV uses the same stages with
 * a majority instead of a quota and never has a surplus to transfer.
 */
export function runTransferCount(input: TransferCountInput): CountResult {
  const { rule, candidates, seats } = input;
  const index = indexCandidates(candidates);
  const ids = index.ids;
  const count = candidates.length;
  const withdrawn = withdrawnPositions(index, input.withdrawn);
  const { groups, valid, invalid } = aggregateRanked(input.ballots, index, withdrawn);
  const sectors = new SectorSeats(candidates, input.quotas);

  // Each group of identical papers moves as one parcel: the candidate it is with (by preference
  // position) and the value of each of its papers, which only changes at a surplus transfer.
  const position = new Int32Array(groups.length);
  const paperValue = new Array<number>(groups.length).fill(SCALE);
  const piles: number[][] = Array.from({ length: count }, () => []);
  const votes = new Array<number>(count).fill(0);
  const status = new Uint8Array(count);
  for (const candidate of withdrawn) status[candidate] = WITHDRAWN;

  // Rule 46: quota = floor(valid papers / (seats + 1)) + 1.
  const quota = Math.floor(valid / (seats + 1)) + 1;
  const quotaUnits = votesToUnits(quota);

  const history: number[][] = [];
  const ties: TieRecord[] = [];
  const tieContext: TieContext = { ids, lot: createLot(input.seed ?? DEFAULT_LOT_SEED), ties, history };
  const rounds: Round[] = [];
  const elected: number[] = [];
  const exclusionOrder: number[] = [];
  const pendingSurplus = new Set<number>();
  let skippedAwaitingTransfer: number[] = [];
  let nonTransferable = 0;
  let lostToRounding = 0;
  let stage = 0;

  const continuing = () => {
    const result: number[] = [];
    for (let candidate = 0; candidate < count; candidate++) {
      if (status[candidate] === CONTINUING) result.push(candidate);
    }
    return result;
  };

  /** Moves a parcel to its next available preference (a continuing candidate) or returns -1. */
  const advance = (group: number): number => {
    const preferences = groups[group]!.preferences;
    let at = position[group]! + 1;
    while (at < preferences.length && status[preferences[at]!] !== CONTINUING) at++;
    position[group] = at;
    return at < preferences.length ? preferences[at]! : -1;
  };

  const place = (group: number, candidate: number, paperUnits: number) => {
    const amount = groups[group]!.weight * paperUnits;
    if (candidate < 0) {
      nonTransferable += amount;
      return;
    }
    votes[candidate] = votes[candidate]! + amount;
    piles[candidate]!.push(group);
  };

  const recordNonTransferable = (before: number, events: RoundEvent[]) => {
    if (nonTransferable > before) {
      events.push({
        kind: "non-transferable",
        votes: unitsToVotes(nonTransferable - before),
        total: unitsToVotes(nonTransferable),
      });
    }
  };

  const vacancies = () => seats - elected.length;

  /** Marks every continuing candidate of a now-full sector as skipped: rule 47 cannot elect them. */
  const skipFullSectors = (events: RoundEvent[]) => {
    for (const candidate of continuing()) {
      if (!sectors.hasRoomFor(candidate)) {
        status[candidate] = EXCLUDED;
        exclusionOrder.push(candidate);
        skippedAwaitingTransfer.push(candidate);
        events.push({ kind: "skipped-sector-full", candidate: ids[candidate]!, sector: sectors.sectorOf(candidate)! });
      }
    }
  };

  const elect = (candidate: number, events: RoundEvent[], kind: "elected" | "elected-as-remaining") => {
    status[candidate] = ELECTED;
    elected.push(candidate);
    sectors.take(candidate);
    events.push({ kind, candidate: ids[candidate]!, votes: unitsToVotes(votes[candidate]!) });
    if (rule.kind === "stv" && votes[candidate]! > quotaUnits) pendingSurplus.add(candidate);
    skipFullSectors(events);
  };

  /** Rule 47 (STV: at or above the quota) or the IRV majority of continuing votes. */
  const reachesElection = (candidate: number, continuingTotal: number) =>
    rule.kind === "stv" ? votes[candidate]! >= quotaUnits : 2 * votes[candidate]! > continuingTotal;

  const continuingTotal = () => continuing().reduce((sum, candidate) => sum + votes[candidate]!, 0);

  const endStage = (kind: StageKind, events: RoundEvent[]) => {
    const total = continuingTotal();
    const winners = continuing().filter((candidate) => reachesElection(candidate, total));
    // Several may reach the quota at one stage: the one with more votes is elected first.
    for (const candidate of orderBestFirst(tieContext, winners, votes, stage, "election-order")) {
      if (vacancies() === 0) break;
      if (status[candidate] !== CONTINUING) continue;
      if (sectors.hasRoomFor(candidate)) elect(candidate, events, "elected");
      else skipFullSectors(events);
    }
    history.push([...votes]);
    rounds.push({
      number: stage,
      kind,
      votes: Object.fromEntries(ids.map((id, candidate) => [id, unitsToVotes(votes[candidate]!)])),
      nonTransferable: unitsToVotes(nonTransferable),
      lostToRounding: unitsToVotes(lostToRounding),
      ...(rule.kind === "irv" ? { threshold: Math.floor(unitsToVotes(total) / 2) + 1 } : {}),
      events,
    });
  };

  // Rule 45: first stage, each paper to its first preference.
  stage = 1;
  {
    const events: RoundEvent[] = [...withdrawn].map((candidate) => ({ kind: "withdrawn" as const, candidate: ids[candidate]! }));
    for (let group = 0; group < groups.length; group++) {
      position[group] = -1;
      place(group, advance(group), SCALE);
    }
    // A sector with a quota of zero takes no seat at all: its candidates are skipped at once.
    skipFullSectors(events);
    endStage("first-preferences", events);
  }

  const transferSurplus = (candidate: number) => {
    const events: RoundEvent[] = [];
    const total = votes[candidate]!;
    const surplus = total - quotaUnits;
    const before = nonTransferable;
    let moved = 0;
    // Rule 48(3): each paper's new value = surplus × its value on receipt / candidate's total,
    // to five decimal places with the remainder ignored (an exact floor in fixed point).
    for (const group of piles[candidate]!) {
      const value = mulDivFloor(surplus, paperValue[group]!, total);
      paperValue[group] = value;
      moved += groups[group]!.weight * value;
      place(group, advance(group), value);
    }
    piles[candidate] = [];
    lostToRounding += surplus - moved;
    votes[candidate] = quotaUnits;
    events.unshift({
      kind: "surplus-transferred",
      candidate: ids[candidate]!,
      surplus: unitsToVotes(surplus),
      transferValue: unitsToVotes(mulDivFloor(surplus, SCALE, total)),
    });
    recordNonTransferable(before, events);
    return events;
  };

  // Rule 50(4): an excluded candidate's papers move on at the value they had when received.
  const transferExcluded = (excluded: readonly number[], events: RoundEvent[]) => {
    const before = nonTransferable;
    for (const candidate of excluded) {
      events.push({ kind: "excluded", candidate: ids[candidate]!, votes: unitsToVotes(votes[candidate]!) });
      for (const group of piles[candidate]!) place(group, advance(group), paperValue[group]!);
      piles[candidate] = [];
      votes[candidate] = 0;
    }
    recordNonTransferable(before, events);
  };

  while (vacancies() > 0) {
    const remaining = continuing();
    // Rule 52: when the continuing candidates are no more than the vacancies, they are deemed
    // elected and no further transfer is made. Their events belong to the stage just ended.
    if (remaining.length <= vacancies()) {
      const events = rounds[rounds.length - 1]!.events;
      for (const candidate of orderBestFirst(tieContext, remaining, votes, stage, "election-order")) {
        if (status[candidate] !== CONTINUING) continue;
        if (sectors.hasRoomFor(candidate)) elect(candidate, events, "elected-as-remaining");
        else skipFullSectors(events);
      }
      break;
    }
    stage++;
    if (skippedAwaitingTransfer.length > 0) {
      // Candidates skipped because their sector is full are treated as excluded: their papers move on.
      const skipped = skippedAwaitingTransfer;
      skippedAwaitingTransfer = [];
      const events: RoundEvent[] = [];
      transferExcluded(skipped, events);
      endStage("exclusion", events);
      continue;
    }
    if (pendingSurplus.size > 0) {
      // Rule 49(1): the largest surplus first; rule 49(2)–(3) for equal surpluses.
      const surplusOf = (candidate: number) => votes[candidate]! - quotaUnits;
      const largest = Math.max(...[...pendingSurplus].map(surplusOf));
      const tied = [...pendingSurplus].filter((candidate) => surplusOf(candidate) === largest);
      const chosen = tied.length === 1 ? tied[0]! : breakTie(tieContext, tied, "highest", stage, "surplus-order");
      pendingSurplus.delete(chosen);
      endStage("surplus", transferSurplus(chosen));
      continue;
    }
    // Rule 50(1): no surplus left to transfer, so the candidate with the fewest votes is excluded;
    // rule 51 for a tie.
    const fewest = Math.min(...remaining.map((candidate) => votes[candidate]!));
    const tied = remaining.filter((candidate) => votes[candidate] === fewest);
    const excluded = tied.length === 1 ? tied[0]! : breakTie(tieContext, tied, "lowest", stage, "exclude");
    status[excluded] = EXCLUDED;
    exclusionOrder.push(excluded);
    const events: RoundEvent[] = [];
    transferExcluded([excluded], events);
    endStage("exclusion", events);
  }

  // Placement: the elected in order of election, then those still continuing by their final votes,
  // then the excluded, last excluded first (they lasted longest), then any withdrawn.
  const stillContinuing = orderBestFirst(tieContext, continuing(), votes, stage, "placement");
  const placement = [
    ...elected,
    ...stillContinuing,
    ...[...exclusionOrder].reverse(),
    ...[...withdrawn].sort((a, b) => a - b),
  ].map((candidate) => ids[candidate]!);

  return {
    method: rule.kind,
    seats,
    quota: rule.kind === "stv" ? quota : rounds[0]!.threshold!,
    validBallots: valid,
    invalidBallots: invalid,
    elected: elected.map((candidate) => ids[candidate]!),
    placement,
    rounds,
    ties,
  };
}
