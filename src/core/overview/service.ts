import type { Group } from "../groups/group.ts";
import { isArchived } from "../groups/permissions.ts";
import type { ActionView } from "../meetings/action-service.ts";
import type { Meeting } from "../meetings/meeting.ts";
import { minutesSummaries } from "../meetings/minutes-approval.ts";
import { standing } from "../elections/seats.ts";
import type { Election } from "../elections/election.ts";
import type { Clock } from "../shared/clock.ts";
import type { Invocation } from "../shared/invocation.ts";
import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";
import { seatOf, type Decision } from "../decisions/decision.ts";
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
    const groups = (await stores.groups.listForPerson(me)).filter((g) => g.workspaceId === inv.workspaceId);
    const active = groups.filter((g) => !isArchived(g));

    const meetings = (await Promise.all(active.map(async (group) => (await stores.meetings.ahead(group.id, now)).map((meeting) => ({ group, meeting }))))).flat();
    const ahead = meetings
      .filter(({ meeting: m }) => m.status === "open" || (m.status === "scheduled" && m.startsAt >= now))
      .sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
    const deadlines = meetings
      .filter(({ meeting: m }) => m.status === "scheduled" && m.agendaDeadline >= now)
      .sort((a, b) => a.meeting.agendaDeadline.getTime() - b.meeting.agendaDeadline.getTime());

    const elections = (
      await Promise.all(
        active.map(async (group) =>
          Promise.all(
            (await stores.elections.inProgressOfGroup(group.id)).map(async (election) => ({ group, election, ballot: await ballotStanding(stores, group, election, me) })),
          ),
        ),
      )
    ).flat();

    const decisions = (
      await Promise.all(
        active.map(async (group) =>
          Promise.all(
            (await stores.decisions.openOfGroup(group.id)).map(async (decision) => ({ group, decision, answer: await decisionStanding(stores, group, decision, me) })),
          ),
        ),
      )
    )
      .flat()
      .sort((a, b) => a.decision.deadline.getTime() - b.decision.deadline.getTime());

    const minutes = await draftMinutes(stores, active, me);
    // One more than is shown, so that `truncated` knows whether there are more.
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
  if (asDeputy && (decision.mode === "unanimous" || group.rules["deputies-vote"] === "never")) return null;
  if (seat.answer === null) return "to-answer";
  if (seat.answeredBy === personId) return "answered";
  return asDeputy ? "member-answered" : "deputy-answered";
}

/**
 * Drafts waiting for their checkers, the person's own turn to check first, then the latest: the
 * first `maxEntries` of them, and whether there are more. Each group gives those the person is to
 * check and its latest `maxEntries + 1`, which hold every one of its drafts that can be among the
 * first, and more than `maxEntries` in all only when the groups have.
 */
async function draftMinutes(stores: Stores, groups: readonly Group[], personId: string) {
  const perGroup = await Promise.all(groups.map(async (group) => ({ group, ...(await stores.meetings.draftMinutes(group.id, { checkerId: personId, latest: maxEntries + 1 })) })));
  const candidates = new Map<string, { group: Group; meeting: Meeting; toCheck: boolean }>();
  for (const { group, toCheck, latest } of perGroup) {
    for (const meeting of latest) candidates.set(meeting.id, { group, meeting, toCheck: false });
    for (const meeting of toCheck) candidates.set(meeting.id, { group, meeting, toCheck: true });
  }
  const all = [...candidates.values()];
  const first = all
    .sort((a, b) => Number(b.toCheck) - Number(a.toCheck) || b.meeting.startsAt.getTime() - a.meeting.startsAt.getTime() || b.meeting.number - a.meeting.number)
    .slice(0, maxEntries);
  const summaries = await minutesSummaries(stores, first.map((d) => d.meeting));
  return { first: first.map((d) => ({ ...d, summary: summaries.get(d.meeting.id)! })), more: all.length > maxEntries };
}

/** The person's first `limit` open action items, earliest due first. */
async function ownActions(stores: Stores, personId: string, limit: number): Promise<ActionView[]> {
  const open = await stores.meetings.openActionsOfPerson(personId, { offset: 0, limit });
  const owner = (await stores.people.findById(personId))?.displayName ?? "—";
  return Promise.all(open.map(async (a) => ({ ...a, ownerName: owner, groupName: (await stores.groups.findById(a.groupId))?.name ?? "—" })));
}
