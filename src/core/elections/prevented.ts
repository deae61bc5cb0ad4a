import { recordChange } from "../audit/record.ts";
import type { Group } from "../groups/group.ts";
import type { Person } from "../people/person.ts";
import type { Invocation } from "../shared/invocation.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { refuse } from "../shared/refusal.ts";
import { electionSubject, findElection, requireStep } from "./access.ts";
import type { Election } from "./election.ts";
import { preventedRefusal } from "./seats.ts";
import type { ElectionServiceDeps } from "./service.ts";

/**
 * `election prevented <id>`: under the group's `deputies-vote prevented` rule, a member who cannot
 * vote says so, and from then on their personal deputy votes for the seat instead of them. Said
 * before voting, so neither the audit event nor anything else says anything about a ballot.
 */
export class PreventedService {
  constructor(private readonly deps: ElectionServiceDeps) {}

  /** Refuses, before a confirmation is asked, someone who could not declare themselves prevented. */
  async precheck(inv: Invocation, id: string): Promise<void> {
    await this.allowed(this.deps.uow.read, inv, id);
  }

  private async allowed(stores: Stores, inv: Invocation, id: string) {
    const { election, group } = await findElection(stores, inv, id);
    requireStep(election, "vote");
    const me = inv.actor.person.id;
    const seat = await stores.elections.seatFor(election.id, me);
    const refusal = preventedRefusal(seat, me, group.rules["deputies-vote"]);
    const params = { title: election.title, group: group.name, id: election.id, rule: group.rules["deputies-vote"] };
    if (refusal) refuse(`election.${refusal}`, params);
    return { election, group, seat, me, params };
  }

  /** Returns the deputy, to be told by direct message that they may now vote. */
  async declare(inv: Invocation, id: string): Promise<{ election: Election; group: Group; deputy: Person | null }> {
    return this.deps.uow.run(async (stores) => {
      const { election, group, seat, me, params } = await this.allowed(stores, inv, id);
      if (!(await stores.elections.declarePrevented(election.id, me))) refuse("election.voted-not-prevented", params);
      await recordChange(stores, this.deps.clock, inv, "election.prevented", electionSubject(election), {
        before: { prevented: false },
        after: { id: election.id, prevented: true },
      });
      const deputy = seat?.deputyId ? await stores.people.findById(seat.deputyId) : null;
      return { election, group, deputy };
    });
  }
}
