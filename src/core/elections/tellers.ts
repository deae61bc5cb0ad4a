import { recordChange } from "../audit/record.ts";
import { requireManager } from "../groups/service.ts";
import type { Group } from "../groups/group.ts";
import type { Person } from "../people/person.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import { electionSubject, findElection, requireStep } from "./access.ts";
import type { Election, Teller } from "./election.ts";
import type { ElectionServiceDeps } from "./service.ts";

export type CertifyOutcome =
  | { readonly certified: true; readonly election: Election; readonly group: Group }
  | { readonly certified: false; readonly election: Election; readonly group: Group; readonly pending: readonly string[] };

const pendingNames = (tellers: readonly Teller[]) => tellers.filter((t) => t.confirmedAt === null).map((t) => t.name);

/**
 * Tellers (ääntenlaskijat) and certification. Without named tellers the chair certifies as before.
 * With them, `election certify` by a teller confirms the record (its hash is what they vouch for),
 * and the last confirmation certifies; the chair cannot certify past a teller who has not confirmed.
 */
export class TellerService {
  constructor(private readonly deps: ElectionServiceDeps) {}

  async setTellers(inv: Invocation, id: string, people: readonly Person[]): Promise<Election> {
    return this.deps.uow.run(async (stores) => {
      const { election, group } = await findElection(stores, inv, id);
      await requireManager(stores, inv, group, "election tellers");
      requireStep(election, "tellers");
      const unique = [...new Map(people.map((p) => [p.id, p])).values()];
      const tellers: Teller[] = unique.map((p) => ({ personId: p.id, name: p.displayName, confirmedAt: null }));
      const updated = await stores.elections.update(election.id, { tellers });
      await recordChange(stores, this.deps.clock, inv, "election.tellers-set", electionSubject(election), {
        before: { tellers: election.tellers.map((t) => t.name) },
        after: { id: election.id, names: tellers.map((t) => t.name).join(", ") },
      });
      return updated;
    });
  }

  /** Who may be asked to certify: a named teller yet to confirm, or the group's officers (certify checks again). */
  async requireCertifier(inv: Invocation, id: string): Promise<void> {
    const stores = this.deps.uow.read;
    const { election, group } = await findElection(stores, inv, id);
    if (election.tellers.some((t) => t.personId === inv.actor.person.id && t.confirmedAt === null)) return;
    await requireManager(stores, inv, group, "election certify");
  }

  async certify(inv: Invocation, id: string): Promise<CertifyOutcome> {
    const outcome = await this.deps.uow.run(async (stores): Promise<CertifyOutcome> => {
      const { election, group } = await findElection(stores, inv, id);
      requireStep(election, "certify");
      let current = election;
      const mine = election.tellers.find((t) => t.personId === inv.actor.person.id && t.confirmedAt === null);
      if (mine) {
        const now = this.deps.clock.now().toISOString();
        const tellers = election.tellers.map((t) => (t === mine ? { ...t, confirmedAt: now } : t));
        current = await stores.elections.update(election.id, { tellers });
        await recordChange(stores, this.deps.clock, inv, "election.teller-confirmed", electionSubject(election), {
          after: { id: election.id, recordHash: election.recordHash },
        });
      } else {
        await requireManager(stores, inv, group, "election certify");
      }
      const pending = pendingNames(current.tellers);
      if (pending.length > 0) {
        if (!mine) refuse("election.tellers-pending", { title: election.title, pending: pending.join(", "), id: election.id });
        return { certified: false, election: current, group, pending };
      }
      const updated = await stores.elections.update(election.id, { state: "certified", certifiedAt: this.deps.clock.now() });
      await recordChange(stores, this.deps.clock, inv, "election.certified", electionSubject(updated), {
        before: { state: election.state },
        after: { id: updated.id, state: "certified" },
      });
      await this.deps.announce(stores, group, "announce.election.certified", { title: updated.title, id: updated.id });
      return { certified: true, election: updated, group };
    });
    return outcome;
  }
}
