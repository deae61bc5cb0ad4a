import { recordChange } from "../audit/record.ts";
import type { Group } from "../groups/group.ts";
import { requireManager } from "../groups/service.ts";
import { showTime } from "../shared/show-time.ts";
import { presentation, type Presentation } from "../../i18n/presentation.ts";
import { electionReminders, rescheduleForEvent } from "../reminders/events.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { electionSubject, findElection, requireStep } from "./access.ts";
import type { Election, TimetablePhase } from "./election.ts";
import type { ElectionServiceDeps } from "./service.ts";

const plannedField = { nominations: "nominationsPlannedAt", voting: "votingPlannedAt", closes: "votingClosesAt" } as const;

/** The phases still ahead in each state: a phase that has happened can no longer be planned. */
const plannable: Record<Election["state"], readonly TimetablePhase[]> = {
  draft: ["nominations", "voting", "closes"],
  nominating: ["voting", "closes"],
  voting: ["closes"],
  closed: [],
  certified: [],
};

/**
 * The published timetable of an election: when nominations and voting are to open and voting to
 * close. The chair still opens and closes each phase (the roll and the lot seed are fixed then);
 * the timetable tells the group in advance, and its reminders reach the channel at those times.
 */
export class TimetableService {
  constructor(private readonly deps: ElectionServiceDeps) {}

  async set(inv: Invocation, id: string, phase: TimetablePhase, at: Date): Promise<{ election: Election; group: Group }> {
    const result = await this.deps.uow.run(async (stores) => {
      const { election, group } = await findElection(stores, inv, id);
      await requireManager(stores, inv, group, "election timetable");
      requireStep(election, "timetable");
      if (phase === "nominations" && election.method === "yes-no") refuse("election.decision-has-no-nominations", { id: election.id });
      if (!plannable[election.state].includes(phase)) refuse("election.timetable-passed", { id: election.id, phase });
      if (at.getTime() <= this.deps.clock.now().getTime()) refuse("election.timetable-in-past", { id: election.id });
      const planned = { ...timesOf(election), [phase]: at };
      if (!inOrder(planned)) refuse("election.timetable-order", { id: election.id });
      const updated = await stores.elections.update(election.id, { [plannedField[phase]]: at });
      await recordChange(stores, this.deps.clock, inv, "election.timetable-set", electionSubject(updated), {
        before: { id: election.id, phase, at: election[plannedField[phase]]?.toISOString() ?? "—" },
        after: { id: election.id, phase, at: at.toISOString() },
      });
      await planElectionReminders(stores, this.deps, updated);
      const result = { election: updated, group };
      await this.deps.announce(stores, result.group, "announce.election.timetable", {
        title: result.election.title,
        id: result.election.id,
        ...shownTimetable(presentation(this.deps.channelLocale, this.deps.timeZone), result.election),
      });
      return result;
    });
    return result;
  }
}

/** The timetable as a reader sees it: each point's time in their language, "—" where none is set. */
export function shownTimetable(p: Presentation, election: Election): Record<TimetablePhase, string> {
  const times = timesOf(election);
  const shown = (at: Date | null) => (at ? showTime(p, "weekdayDateTime", at) : "—");
  return { nominations: shown(times.nominations), voting: shown(times.voting), closes: shown(times.closes) };
}

/** Each point of the timetable as it stands: what happened, else what is planned. */
function timesOf(election: Election): Record<TimetablePhase, Date | null> {
  return {
    nominations: election.nominationsOpenedAt ?? election.nominationsPlannedAt,
    voting: election.votingOpenedAt ?? election.votingPlannedAt,
    closes: election.votingClosesAt,
  };
}

const inOrder = (times: Record<TimetablePhase, Date | null>): boolean => {
  const known = [times.nominations, times.voting, times.closes].filter((t): t is Date => t !== null).map((t) => t.getTime());
  return known.every((t, i) => i === 0 || t > (known[i - 1] ?? 0));
};

/**
 * (Re)schedules the election's reminders from its timetable and state, in the caller's unit of
 * work: a phase that has opened loses its "opens now" reminder, a closed election loses them all.
 */
export async function planElectionReminders(stores: Stores, deps: Pick<ElectionServiceDeps, "clock" | "timeZone">, election: Election): Promise<void> {
  const ahead = plannable[election.state];
  const closesAt = ahead.includes("closes") ? election.votingClosesAt : null;
  await rescheduleForEvent(stores, deps.clock, {
    eventKey: `election:${election.id}`,
    workspaceId: election.workspaceId,
    groupId: election.groupId,
    timeZone: deps.timeZone,
    reminders: electionReminders({
      id: election.id,
      title: election.title,
      nominationsOpenAt: ahead.includes("nominations") ? election.nominationsPlannedAt : null,
      votingOpensAt: ahead.includes("voting") ? election.votingPlannedAt : null,
      votingClosesAt: closesAt,
    }),
  });
}
