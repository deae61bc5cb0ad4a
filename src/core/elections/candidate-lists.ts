import { recordChange } from "../audit/record.ts";
import { requireManager } from "../groups/service.ts";
import type { Person } from "../people/person.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import { electionSubject, findElection, requireStep } from "./access.ts";
import { isListVote, type Election, type ElectionCandidate } from "./election.ts";
import type { ElectionServiceDeps } from "./service.ts";

/** The lists (electoral alliances) candidates stand on, for dhondt and lists; set before voting opens. */
export class CandidateListService {
  constructor(private readonly deps: ElectionServiceDeps) {}

  /** `list` null: the candidate stands alone (a list of one). */
  async setList(inv: Invocation, id: string, person: Person, list: string | null): Promise<{ election: Election; candidate: ElectionCandidate }> {
    return this.deps.uow.run(async (stores) => {
      const { election, group } = await findElection(stores, inv, id);
      await requireManager(stores, inv, group, "election candidate-list");
      requireStep(election, "configure");
      if (!isListVote(election.method)) refuse("election.lists-not-used", { title: election.title, method: election.method });
      const candidate = (await stores.elections.candidates(election.id)).find((c) => c.personId === person.id && c.status !== "withdrawn");
      if (!candidate) refuse("election.not-a-candidate", { name: person.displayName, title: election.title, id: election.id });
      const updated = await stores.elections.updateCandidate(candidate.id, { list });
      await recordChange(stores, this.deps.clock, inv, "election.candidate-list-set", electionSubject(election), {
        before: { list: candidate.list },
        after: { id: election.id, person: candidate.displayName, list: list ?? "—" },
      });
      return { election, candidate: updated };
    });
  }
}
