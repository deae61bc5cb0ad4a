import type { Locale } from "../../i18n/locale.ts";
import { recordChange } from "../audit/record.ts";
import type { Announcer } from "../groups/announce.ts";
import type { Group } from "../groups/group.ts";
import type { Person } from "../people/person.ts";
import { findActiveGroup, findGroup, requireManager } from "../groups/service.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/logger.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { UnitOfWork } from "../shared/unit-of-work.ts";
import { electionSubject, findElection, requireStep } from "./access.ts";
import { openBallotBox, startSeal } from "./ballot-box.ts";
import type { BallotSecret } from "./ballot-seal.ts";
import { countFor, electedNames, outcome } from "./closing.ts";
import { buildRecord, sealRecord } from "./record/build.ts";
import { TellerService, type CertifyOutcome } from "./tellers.ts";
import { CandidateListService } from "./candidate-lists.ts";
import { msg } from "../../i18n/translate.ts";
import type { DeputyMode, Election, ElectionCandidate, ElectionMethod, StoredBallot } from "./election.ts";
import { NominationService } from "./nominations.ts";
import { PreventedService } from "./prevented.ts";
import { newSeed, seatsValid, seedHash } from "./rules.ts";
import { listedSector } from "../sectors/service.ts";
import { candidateSectors, withQuota } from "./sector-check.ts";
import { planElectionReminders, TimetableService } from "./timetable.ts";
import { countedBallots, peopleToNudge, seatsOf, type RollCounts } from "./seats.ts";
import { VotingService } from "./voting.ts";
import { readPage, type Page } from "../shared/page.ts";

export interface ElectionServiceDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly announce: Announcer;
  /** For the times in the timetable's reminders and announcements. */
  readonly timeZone: string;
  readonly channelLocale: Locale;
  /** The bot's ballot secret (kept outside the database): ballots are sealed under keys derived from it. */
  readonly ballotSecret: BallotSecret;
  readonly logger: Logger;
}

export interface ElectionView {
  readonly election: Election;
  readonly group: Group;
  readonly candidates: ElectionCandidate[];
  readonly roll: RollCounts;
  /** When voting opened without quotas: candidates whose sector is missing or not on the council's list. */
  readonly unknownSectors?: readonly string[];
}

/**
 * Elections: draft -> nominating -> voting -> closed -> certified. Every step is audited in its own
 * transaction and announced in the group's channel. Ballots are secret (see voting.ts).
 */
export class ElectionService {
  readonly nominations: NominationService;
  readonly voting: VotingService;
  readonly timetable: TimetableService;
  readonly prevented: PreventedService;
  readonly tellers: TellerService;
  readonly lists: CandidateListService;

  constructor(private readonly deps: ElectionServiceDeps) {
    this.tellers = new TellerService(deps);
    this.lists = new CandidateListService(deps);
    this.prevented = new PreventedService(deps);
    this.nominations = new NominationService(deps);
    this.voting = new VotingService(deps);
    this.timetable = new TimetableService(deps);
  }

  /**
   * Without a method, the group's `election` rule decides: plurality, or proportional, by the Act's
   * comparison numbers without lists (harmonic; one seat cannot be shared, so plurality).
   */
  async create(inv: Invocation, groupName: string, seats: number, chosen: ElectionMethod | null, title: string): Promise<{ election: Election; group: Group }> {
    const result = await this.deps.uow.run(async (stores) => {
      const group = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, group, "election create");
      const method = chosen ?? (group.rules.election === "proportional" && seats > 1 ? "harmonic" : "plurality");
      if (!seatsValid(method, seats)) refuse("election.seats-invalid", { method, seats });
      const election = await stores.elections.create({
        workspaceId: inv.workspaceId,
        groupId: group.id,
        title: title.trim(),
        method,
        seats,
        createdById: inv.actor.person.id,
        createdAt: this.deps.clock.now(),
      });
      await recordChange(stores, this.deps.clock, inv, "election.created", electionSubject(election), {
        after: { id: election.id, title: election.title, method, seats },
      });
      await this.deps.announce(stores, group, "announce.election.created", { title: election.title, id: election.id, group: group.name, seats });
      return { election, group };
    });
    return result;
  }

  async setQuota(inv: Invocation, id: string, typed: string, max: number) {
    const sector = (await listedSector(this.deps.uow.read, inv.workspaceId, typed, "quota", { id })).name;
    return this.configure(inv, id, "election quota", (e) => ({ quotas: withQuota(e.quotas, sector, max) }), "election.quota-set", { sector, max });
  }

  addCriterion(inv: Invocation, id: string, criterion: string) {
    return this.configure(inv, id, "election criteria", (e) => ({ criteria: [...e.criteria, criterion.trim()] }), "election.criterion-added", { criterion: criterion.trim() });
  }

  setDeputyMode(inv: Invocation, id: string, mode: DeputyMode) {
    return this.configure(inv, id, "election deputies", () => ({ deputyMode: mode }), "election.deputy-mode-set", { mode });
  }

  private async configure(
    inv: Invocation,
    id: string,
    action: string,
    patch: (e: Election) => Parameters<UnitOfWork["read"]["elections"]["update"]>[1],
    audit: "election.quota-set" | "election.criterion-added" | "election.deputy-mode-set",
    after: Record<string, unknown>,
  ): Promise<Election> {
    return this.deps.uow.run(async (stores) => {
      const { election, group } = await findElection(stores, inv, id);
      await requireManager(stores, inv, group, action);
      requireStep(election, "configure");
      if (election.method === "yes-no" && audit !== "election.criterion-added") refuse("election.not-for-yes-no", { id: election.id });
      const updated = await stores.elections.update(election.id, patch(election));
      await recordChange(stores, this.deps.clock, inv, audit, electionSubject(election), { after: { id: election.id, ...after } });
      return updated;
    });
  }

  async openNominations(inv: Invocation, id: string): Promise<Election> {
    const election = await this.deps.uow.run(async (stores) => {
      const found = await findElection(stores, inv, id);
      await requireManager(stores, inv, found.group, "election open-nominations");
      requireStep(found.election, "open-nominations");
      const updated = await stores.elections.update(found.election.id, { state: "nominating", nominationsOpenedAt: this.deps.clock.now() });
      await recordChange(stores, this.deps.clock, inv, "election.nominations-opened", electionSubject(updated), {
        before: { state: found.election.state },
        after: { id: updated.id, state: updated.state },
      });
      await planElectionReminders(stores, this.deps, updated);
      await this.deps.announce(stores, found.group, "announce.election.nominations-opened", { title: updated.title, id: updated.id });
      return updated;
    });
    return election;
  }

  /** Voting opens: ballot numbers given, voter roll fixed, lot seed drawn and its hash published. */
  async openVoting(inv: Invocation, id: string): Promise<ElectionView> {
    const view = await this.deps.uow.run(async (stores) => {
      const { election, group } = await findElection(stores, inv, id);
      await requireManager(stores, inv, group, "election open");
      requireStep(election, "open-voting");
      const candidates = await stores.elections.candidates(election.id);
      const accepted = candidates.filter((c) => c.status === "accepted");
      if (election.method !== "yes-no" && accepted.length === 0) refuse("election.no-candidates", { id: election.id });
      const unknownSectors = await candidateSectors(stores, election, accepted);
      const sorted = [...accepted].sort((a, b) => a.displayName.localeCompare(b.displayName, "fi") || a.id.localeCompare(b.id));
      for (const [index, candidate] of sorted.entries()) {
        const person = await stores.people.findById(candidate.personId);
        await stores.elections.updateCandidate(candidate.id, {
          number: index + 1,
          displayName: person?.displayName ?? candidate.displayName,
          sector: person?.sector ?? null,
          organisation: person?.organisation ?? null,
        });
      }
      const voters = seatsOf(await stores.groups.members(group.id));
      if (voters.length === 0) refuse("election.empty-roll", { group: group.name });
      await stores.elections.fixRoll(election.id, voters);
      await startSeal(stores, this.deps.ballotSecret, election);
      const seed = newSeed();
      const updated = await stores.elections.update(election.id, {
        state: "voting",
        votingOpenedAt: this.deps.clock.now(),
        seed,
        seedHash: seedHash(seed),
      });
      await recordChange(stores, this.deps.clock, inv, "election.voting-opened", electionSubject(updated), {
        before: { state: election.state },
        after: { id: updated.id, state: "voting", voters: voters.length, seedHash: updated.seedHash },
      });
      await planElectionReminders(stores, this.deps, updated);
      const opened = {
        election: updated,
        group,
        candidates: await stores.elections.candidates(election.id),
        roll: { voters: voters.length, voted: 0, byDeputy: 0 },
        unknownSectors,
      };
      await this.deps.announce(stores, group, "announce.election.voting-opened", {
        title: updated.title,
        id: updated.id,
        candidates: opened.candidates.filter((c) => c.number !== null).map((c) => `${c.number}. ${c.displayName}`).join(", ") || "—",
        voters: opened.roll.voters,
        hash: updated.seedHash ?? "—",
      });
      return opened;
    });
    return view;
  }

  /**
   * The people who can still vote for a seat that has not voted (the member; the deputy too when
   * the group's rule lets them), for an officer's nudge. Only the officer's request learns who
   * they are; each of them is told nothing about anyone else.
   */
  async pendingVoters(inv: Invocation, id: string): Promise<{ election: Election; people: Person[] }> {
    return this.deps.uow.run(async (stores) => {
      const { election, group } = await findElection(stores, inv, id);
      await requireManager(stores, inv, group, "election nudge");
      requireStep(election, "nudge");
      const pending = peopleToNudge(await stores.elections.pendingSeats(election.id), group.rules["deputies-vote"]);
      const people = await Promise.all(pending.map((pid) => stores.people.findById(pid)));
      return { election, people: people.filter((p): p is Person => p !== null) };
    });
  }

  /** Refuses someone who may not run the election's group, before a confirmation is asked of them. */
  async requireManagerOf(inv: Invocation, id: string, action: string): Promise<void> {
    const stores = this.deps.uow.read;
    const { group } = await findElection(stores, inv, id);
    await requireManager(stores, inv, group, action);
  }

  /** Voting ends: the ballots are counted (ties by lot from the seed), the seed is published. */
  async close(inv: Invocation, id: string): Promise<ElectionView> {
    const view = await this.deps.uow.run(async (stores) => {
      const { election, group } = await findElection(stores, inv, id);
      await requireManager(stores, inv, group, "election close");
      requireStep(election, "close");
      const candidates = await stores.elections.candidates(election.id);
      // A deputy's ballot is left out when the member voted after all (seats.ts); nobody sees which.
      const seats = await stores.elections.roll(election.id);
      await openBallotBox(stores, this.deps.ballotSecret, election, (opened) => countedBallots(opened, seats));
      const ballots: StoredBallot[] = await stores.elections.ballots(election.id);
      const result = countFor(election, candidates, ballots);
      const closed = await stores.elections.update(election.id, { state: "closed", closedAt: this.deps.clock.now(), result });
      const roll = await stores.elections.rollCounts(election.id);
      const rules = Object.fromEntries(Object.entries(group.rules).map(([rule, value]) => [rule, String(value)]));
      const record = sealRecord(buildRecord({ election: closed, groupName: group.name, rules, candidates, ballots, roll, result }));
      const updated = await stores.elections.update(election.id, { record: record.text, recordHash: record.hash });
      await recordChange(stores, this.deps.clock, inv, "election.closed", electionSubject(updated), {
        before: { state: election.state },
        after: { id: updated.id, state: "closed", ballots: ballots.length, elected: electedNames(updated, candidates), seed: updated.seed, recordHash: updated.recordHash },
      });
      await planElectionReminders(stores, this.deps, updated);
      await this.deps.announce(stores, group, "announce.election.closed", {
        title: updated.title,
        id: updated.id,
        outcome: outcome(updated, candidates),
        voted: roll.voted,
        voters: roll.voters,
        byDeputy: roll.byDeputy,
        seed: updated.seed ?? "—",
        record: msg("announce.election.record", { hash: updated.recordHash ?? "—", id: updated.id }),
      });
      return { election: updated, group, candidates, roll };
    });
    // After the commit: what the deleted sealed rows and seal left in the database files goes too.
    // The election is closed either way; a failed clean-up is the operator's to see, not the chair's.
    await this.deps.uow.purgeDeleted().catch((error: unknown) => this.deps.logger.warn({ err: error, electionId: view.election.id }, "ballot clean-up after closing failed"));
    return view;
  }

  /** The regional government approved the result; with named tellers, each confirms first (tellers.ts). */
  certify(inv: Invocation, id: string): Promise<CertifyOutcome> {
    return this.tellers.certify(inv, id);
  }

  async list(inv: Invocation, groupName: string, page = 1): Promise<{ group: Group; elections: Page<Election> }> {
    const stores = this.deps.uow.read;
    const group = await findGroup(stores, inv, groupName);
    return { group, elections: await readPage(page, () => stores.elections.countForGroup(group.id), (w) => stores.elections.listForGroup(group.id, w)) };
  }

  async show(inv: Invocation, id: string): Promise<ElectionView> {
    const stores = this.deps.uow.read;
    const { election, group } = await findElection(stores, inv, id);
    return { election, group, candidates: await stores.elections.candidates(election.id), roll: await stores.elections.rollCounts(election.id) };
  }

  /** The count of a closed election, every round. */
  async results(inv: Invocation, id: string): Promise<ElectionView> {
    const view = await this.show(inv, id);
    requireStep(view.election, "show-ballots");
    return view;
  }

  /** The published, anonymous ballot list: every receipt with its ballot, after closing. */
  async ballots(inv: Invocation, id: string): Promise<ElectionView & { ballots: StoredBallot[] }> {
    const view = await this.show(inv, id);
    requireStep(view.election, "show-ballots");
    return { ...view, ballots: await this.deps.uow.read.elections.ballots(view.election.id) };
  }
}
