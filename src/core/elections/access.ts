import type { MessageKey } from "../../i18n/catalogues.ts";
import { alternatives, msg } from "../../i18n/translate.ts";
import type { Group } from "../groups/group.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { Election } from "./election.ts";
import { stepAllowed, statesFor, type ElectionStep } from "./rules.ts";

export const electionSubject = (election: Pick<Election, "id" | "groupId">) => ({ type: "election", id: election.id, groupId: election.groupId });

/** An election of this workspace by its short id, with its group. */
export async function findElection(stores: Stores, inv: Invocation, id: string): Promise<{ election: Election; group: Group }> {
  const election = await stores.elections.find(id.trim().toLowerCase());
  if (!election || election.workspaceId !== inv.workspaceId) refuse("election.not-found", { id });
  const group = await stores.groups.findById(election.groupId);
  if (!group) refuse("election.not-found", { id });
  return { election, group };
}

/** Refuses a step the election's state does not allow, naming the state and where it is allowed. */
export function requireStep(election: Election, step: ElectionStep): void {
  if (stepAllowed(step, election.state, election.method)) return;
  const allowed = statesFor(step, election.method);
  // A yes/no decision has no nominations in any state: there is no state to wait for.
  if (allowed.length === 0) refuse("election.decision-no-candidates", { id: election.id });
  refuse("election.wrong-state", {
    id: election.id,
    state: msg(`elections.state.${election.state}` as MessageKey),
    allowed: alternatives(allowed.map((s) => msg(`elections.state.${s}` as MessageKey))),
  });
}
