import { recordChange } from "../audit/record.ts";
import type { Group } from "../groups/group.ts";
import { mayManage } from "../groups/permissions.ts";
import type { Person } from "../people/person.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { electionSubject, findElection, requireStep } from "./access.ts";
import type { Election, ElectionCandidate } from "./election.ts";
import type { ElectionServiceDeps } from "./service.ts";

export interface Nomination {
  readonly election: Election;
  readonly group: Group;
  readonly candidate: ElectionCandidate;
}

/** Nominations: anyone in the group nominates (themselves or another); only the nominee accepts or withdraws. */
export class NominationService {
  constructor(private readonly deps: ElectionServiceDeps) {}

  async nominate(inv: Invocation, id: string, nominee: Person, deputy: Person | null): Promise<Nomination> {
    const nomination = await this.deps.uow.run(async (stores) => {
      const { election, group } = await findElection(stores, inv, id);
      requireStep(election, "nominate");
      const membership = await stores.groups.membership(group.id, inv.actor.person.id);
      if (!membership && !mayManage(inv.actor, null)) refuse("election.members-only", { group: group.name });
      if (election.deputyMode === "pairs" && !deputy) refuse("election.deputy-required", { id: election.id });
      if (election.deputyMode !== "pairs" && deputy) refuse("election.deputy-not-paired", { id: election.id });
      if (deputy && deputy.id === nominee.id) refuse("election.deputy-is-candidate", { person: nominee.displayName });
      const existing = (await stores.elections.candidates(election.id)).find((c) => c.personId === nominee.id);
      if (existing && existing.status !== "withdrawn") refuse("election.already-nominated", { person: nominee.displayName, title: election.title });
      const nominated = {
        status: "nominated",
        nominatedById: inv.actor.person.id,
        deputyId: deputy?.id ?? null,
        deputyName: deputy?.displayName ?? null,
        nominatedAt: this.deps.clock.now(),
        acceptedAt: null,
      } as const;
      // One who withdrew may be nominated again while nominations are open, and accepts again.
      const candidate = existing
        ? await stores.elections.updateCandidate(existing.id, { ...nominated, withdrawnAt: null })
        : await stores.elections.addCandidate({ electionId: election.id, personId: nominee.id, displayName: nominee.displayName, sector: nominee.sector, organisation: nominee.organisation, ...nominated });
      await recordChange(stores, this.deps.clock, inv, "election.nominated", electionSubject(election), {
        after: { id: election.id, person: nominee.displayName, deputy: deputy?.displayName ?? null },
      });
      return this.announced(stores, { election, group, candidate }, "announce.election.nominated");
    });
    return nomination;
  }

  /** What the nominee is asked to confirm before accepting; refuses now if they cannot accept. */
  async acceptReview(inv: Invocation, id: string): Promise<Nomination> {
    return this.ownNomination(this.deps.uow.read, inv, id, "accept");
  }

  async accept(inv: Invocation, id: string): Promise<Nomination> {
    const nomination = await this.deps.uow.run(async (stores) => {
      const found = await this.ownNomination(stores, inv, id, "accept");
      const candidate = await stores.elections.updateCandidate(found.candidate.id, {
        status: "accepted",
        acceptedAt: this.deps.clock.now(),
        sector: inv.actor.person.sector,
        organisation: inv.actor.person.organisation,
      });
      await recordChange(stores, this.deps.clock, inv, "election.accepted", electionSubject(found.election), {
        before: { status: "nominated" },
        after: { id: found.election.id, person: candidate.displayName, criteria: found.election.criteria.length },
      });
      return this.announced(stores, { ...found, candidate }, "announce.election.accepted");
    });
    return nomination;
  }

  /** Refuses, before a confirmation is asked, someone who has no nomination to withdraw. */
  async requireOwnNomination(inv: Invocation, id: string): Promise<void> {
    await this.ownNomination(this.deps.uow.read, inv, id, "withdraw");
  }

  async withdraw(inv: Invocation, id: string): Promise<Nomination> {
    const nomination = await this.deps.uow.run(async (stores) => {
      const found = await this.ownNomination(stores, inv, id, "withdraw");
      const candidate = await stores.elections.updateCandidate(found.candidate.id, { status: "withdrawn", withdrawnAt: this.deps.clock.now() });
      await recordChange(stores, this.deps.clock, inv, "election.withdrawn", electionSubject(found.election), {
        before: { status: found.candidate.status },
        after: { id: found.election.id, person: candidate.displayName },
      });
      return this.announced(stores, { ...found, candidate }, "announce.election.withdrawn");
    });
    return nomination;
  }

  /** The group hears of the step in the change's unit of work; returns the nomination. */
  private async announced(stores: Stores, nomination: Nomination, key: "announce.election.nominated" | "announce.election.accepted" | "announce.election.withdrawn"): Promise<Nomination> {
    await this.deps.announce(stores, nomination.group, key, { person: nomination.candidate.displayName, title: nomination.election.title, id: nomination.election.id });
    return nomination;
  }

  private async ownNomination(stores: Stores, inv: Invocation, id: string, step: "accept" | "withdraw"): Promise<Nomination> {
    const { election, group } = await findElection(stores, inv, id);
    requireStep(election, step);
    const candidate = (await stores.elections.candidates(election.id)).find((c) => c.personId === inv.actor.person.id);
    if (!candidate || candidate.status === "withdrawn") refuse("election.not-nominated", { title: election.title, id: election.id });
    if (step === "accept" && candidate.status === "accepted") refuse("election.already-accepted", { title: election.title });
    return { election, group, candidate };
  }
}
