import type { Group } from "../groups/group.ts";
import type { MemberScope } from "../groups/member-scope.ts";
import { withGroups } from "../groups/with-groups.ts";
import type { ActionView } from "../meetings/action-service.ts";
import type { Meeting } from "../meetings/meeting.ts";
import { minutesSummaries } from "../meetings/minutes-approval.ts";
import { standing } from "../elections/seats.ts";
import type { Election } from "../elections/election.ts";
import type { Clock } from "../shared/clock.ts";
import type { Invocation } from "../shared/invocation.ts";
import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";
import { answerRefusal, seatOf, type Decision } from "../decisions/decision.ts";
import type { BallotStanding, DecisionStanding, Overview } from "./overview.ts";

// Slack's Home tab holds 100 blocks and a Discord message 25 fields: these caps keep the overview
// well inside every platform, and `truncated` makes the reply say where the rest is.
const maxGroups = 40;
const maxEntries = 20;

export interface OverviewDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
}

/** The person's overview: read-only, their own groups only, so it needs no permission beyond membership. */
export class OverviewService {
  constructor(private readonly deps: OverviewDeps) {}

  async forPerson(inv: Invocation): Promise<Overview> {
    const stores = this.deps.uow.read;
    const now = this.deps.clock.now();
    const me = inv.actor.person.id;
    // Every read spans the person's groups in the store's own query, so that a council's secretary,
    // a member of every group, costs no more reads than a member of one. Each list is cut to one
    // more than is shown (so that `truncated` knows) before its rows' groups are read, from the
    // cache; ties in time fall to the groups' order by name, as when the groups were read in turn.
    const scope = { personId: me, workspaceId: inv.workspaceId };
    const groups = await stores.groups.firstOfMember(scope, maxGroups + 1);
    const shown = async <T extends { groupId: string }>(rows: readonly T[], time: (row: T) => Date) =>
      (await withGroups(stores, [...rows].sort((a, b) => time(a).getTime() - time(b).getTime()).slice(0, maxEntries + 1))).sort(
        (a, b) => time(a.row).getTime() - time(b.row).getTime() || a.group.name.localeCompare(b.group.name, "fi"),
      );

    const meetings = await stores.meetings.aheadForMember(scope, now);
    const ahead = (
      await shown(
        meetings.filter((m) => m.status === "open" || (m.status === "scheduled" && m.startsAt >= now)),
        (m) => m.startsAt,
      )
    ).map(({ row: meeting, group }) => ({ group, meeting }));
    const deadlines = (
      await shown(
        meetings.filter((m) => m.status === "scheduled" && m.agendaDeadline >= now),
        (m) => m.agendaDeadline,
      )
    ).map(({ row: meeting, group }) => ({ group, meeting }));

    const elections = await Promise.all(
      (await withGroups(stores, (await stores.elections.inProgressForMember(scope)).slice(0, maxEntries + 1))).map(async ({ row: election, group }) => ({
        group,
        election,
        ballot: await ballotStanding(stores, group, election, me),
      })),
    );

    const decisions = await Promise.all(
      (await shown(await stores.decisions.openForMember(scope), (d) => d.deadline)).map(async ({ row: decision, group }) => ({
        group,
        decision,
        answer: await decisionStanding(stores, group, decision, me),
      })),
    );

    const minutes = await draftMinutes(stores, scope);
    const actions = await ownActions(stores, me, maxEntries + 1);
    const cut = <T>(items: readonly T[], max: number) => items.slice(0, max);
    return {
      groups: cut(groups, maxGroups),
      meetings: cut(ahead, maxEntries),
      deadlines: cut(deadlines, maxEntries),
      elections: cut(elections, maxEntries),
      decisions: cut(decisions, maxEntries),
      minutes: minutes.first,
      actions: cut(actions, maxEntries),
      truncated: groups.length > maxGroups || minutes.more || [ahead, deadlines, elections, decisions, actions].some((l) => l.length > maxEntries),
    };
  }
}

async function ballotStanding(stores: Stores, group: Group, election: Election, personId: string): Promise<BallotStanding> {
  if (election.state !== "voting") return null;
  const seat = await stores.elections.seatFor(election.id, personId);
  const now = standing(seat, personId, group.rules["deputies-vote"]);
  if (now.ok) return "can-vote";
  if (now.reason === "already-voted") return "voted";
  if (now.reason === "member-voted") return "seat-voted";
  return null;
}

/** The rules of `decision answer` (DecisionService.answer), read for one person. */
async function decisionStanding(stores: Stores, group: Group, decision: Decision, personId: string): Promise<DecisionStanding> {
  const held = seatOf(await stores.decisions.voters(decision.id), personId);
  if (!held) return null;
  const { seat, asDeputy } = held;
  const refusal = answerRefusal(held, decision.mode, group.rules["deputies-vote"]);
  if (refusal && refusal !== "member-answered") return null;
  if (seat.answer === null) return "to-answer";
  if (seat.answeredBy === personId) return "answered";
  return asDeputy ? "member-answered" : "deputy-answered";
}

/**
 * Drafts waiting for their checkers, the person's own turn to check first, then the latest: the
 * first `maxEntries` of them, and whether there are more. The store gives those the person is to
 * check and the groups' latest `maxEntries + 1`, which hold every draft that can be among the
 * first, and more than `maxEntries` in all only when the groups have.
 */
async function draftMinutes(stores: Stores, scope: MemberScope) {
  const { toCheck, latest } = await stores.meetings.draftMinutesForMember(scope, { latest: maxEntries + 1 });
  const candidates = new Map<string, { meeting: Meeting; toCheck: boolean }>();
  for (const meeting of latest) candidates.set(meeting.id, { meeting, toCheck: false });
  for (const meeting of toCheck) candidates.set(meeting.id, { meeting, toCheck: true });
  const all = [...candidates.values()];
  const first = all
    .sort((a, b) => Number(b.toCheck) - Number(a.toCheck) || b.meeting.startsAt.getTime() - a.meeting.startsAt.getTime() || b.meeting.number - a.meeting.number)
    .slice(0, maxEntries);
  const summaries = await minutesSummaries(stores, first.map((d) => d.meeting));
  const shown = (await withGroups(stores, first.map((d) => d.meeting))).map(({ row: meeting, group }) => ({ meeting, group, toCheck: candidates.get(meeting.id)!.toCheck, summary: summaries.get(meeting.id)! }));
  return { first: shown, more: all.length > maxEntries };
}

/** The person's first `limit` open action items, earliest due first. */
async function ownActions(stores: Stores, personId: string, limit: number): Promise<ActionView[]> {
  const open = await stores.meetings.openActionsOfPerson(personId, { offset: 0, limit });
  const owner = (await stores.people.findById(personId))?.displayName ?? "—";
  return Promise.all(open.map(async (a) => ({ ...a, ownerName: owner, groupName: (await stores.groups.findById(a.groupId))?.name ?? "—" })));
}
