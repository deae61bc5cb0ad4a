import type { Locale } from "../../i18n/locale.ts";
import { presentation } from "../../i18n/presentation.ts";
import type { Reply } from "../../render/reply.ts";
import { recordChange } from "../audit/record.ts";
import { newSeed, seedHash } from "../elections/rules.ts";
import type { Group } from "../groups/group.ts";
import { findActiveGroup, findGroup, requireManager } from "../groups/service.ts";
import { postToPerson } from "../outbox/post.ts";
import { cancelForEvent, scheduleForEvent } from "../reminders/events.ts";
import { storedTime } from "../reminders/reminder.ts";
import type { Clock } from "../shared/clock.ts";
import type { Invocation } from "../shared/invocation.ts";
import { loggedError } from "../shared/logged-error.ts";
import type { Logger } from "../shared/logger.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";
import { countDecision } from "./count.ts";
import { answerRefusal, preventedRefusal, seatOf, type Answer, type Decision, type DecisionMode, type DecisionVoter } from "./decision.ts";
import { renderDecisionMinutes } from "./minutes.ts";
import { decisionMinutesPost, proposalPost } from "./replies.ts";

export interface DecisionDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  /** Posts to the group's linked channel through the outbox, in the change's unit of work. */
  readonly post: (stores: Stores, group: Group, reply: Reply) => Promise<void>;
  readonly timeZone: string;
  readonly channelLocale: Locale;
  readonly logger: Logger;
}

/** Roles that hold a seat in a decision: the group's voting members (deputies stand in for them). */
const seatRoles = new Set(["chair", "vice-chair", "secretary", "member"]);
const hour = 3_600_000;
const eventKey = (decision: Pick<Decision, "id">) => `decision:${decision.id}`;
const subject = (decision: Pick<Decision, "id" | "groupId">) => ({ type: "decision", id: decision.id, groupId: decision.groupId });

/**
 * Decisions without a meeting (§17(6–7)): an officer proposes with a deadline, the members answer
 * yes / no / abstain by button, those who have not answered are reminded the day before, and the
 * decision closes at the deadline (the scheduler) or when every seat has answered, with dated
 * minutes posted to the group's channel.
 */
export class DecisionService {
  constructor(private readonly deps: DecisionDeps) {}

  private get channel() {
    return presentation(this.deps.channelLocale, this.deps.timeZone);
  }

  async propose(inv: Invocation, groupName: string, proposal: string, deadline: Date, mode: DecisionMode) {
    const now = this.deps.clock.now();
    if (deadline.getTime() <= now.getTime()) refuse("decision.deadline-in-past");
    const made = await this.deps.uow.run(async (stores) => {
      const group = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, group, "decide");
      const members = await stores.groups.members(group.id);
      const seats = members.filter((m) => seatRoles.has(m.role));
      if (seats.length === 0) refuse("decision.no-members", { group: group.name });
      const roll = seats.map((m) => ({
        personId: m.personId,
        deputyId: members.find((d) => d.role === "deputy" && d.deputyOfId === m.personId)?.personId ?? null,
      }));
      const seed = newSeed();
      const decision = await stores.decisions.create(
        { groupId: group.id, proposal, mode, deadline, seedHash: seedHash(seed), seed, createdById: inv.actor.person.id, createdAt: now },
        roll,
      );
      await recordChange(stores, this.deps.clock, inv, "decision.proposed", subject(decision), {
        after: { number: decision.number, proposal, mode, deadline: deadline.toISOString(), seedHash: decision.seedHash },
      });
      const params = { group: group.name, number: decision.number, when: storedTime(deadline) };
      await scheduleForEvent(stores, this.deps.clock, {
        eventKey: eventKey(decision),
        workspaceId: inv.workspaceId,
        groupId: group.id,
        timeZone: this.deps.timeZone,
        reminders: [{ dueAt: new Date(deadline.getTime() - 24 * hour), messageKey: "reminders.nudge.decision", params, audience: { kind: "non-answerers", decisionId: decision.id } }],
      });
      // The proposal goes with the change: to the channel, and to each member and deputy in their language.
      await this.deps.post(stores, group, proposalPost(this.channel, group, decision, "channel"));
      const ids = roll.flatMap((s) => [s.personId, s.deputyId]).filter((id): id is string => id !== null);
      for (const person of await Promise.all(ids.map((id) => stores.people.findById(id)))) {
        if (!person) continue;
        const p = presentation(person.locale ?? this.deps.channelLocale, this.deps.timeZone);
        await postToPerson(stores, this.deps.clock, person.externalId, proposalPost(p, group, decision, "direct"));
      }
      return { group, decision };
    });
    return made;
  }

  /**
   * A member answers for their seat; a deputy answers for their member's seat while the member has
   * not, when the group's deputies-vote rule lets deputies vote (never in unanimous mode, which needs
   * each member's own yes). A member's own answer replaces their deputy's; anyone may change their
   * answer until the decision closes.
   */
  async answer(inv: Invocation, groupName: string, number: number, answer: Answer) {
    const now = this.deps.clock.now();
    const result = await this.deps.uow.run(async (stores) => {
      const { group, decision } = await this.find(stores, inv, groupName, number);
      if (decision.state !== "open" || decision.deadline.getTime() <= now.getTime()) refuse("decision.closed", { number });
      const voters = await stores.decisions.voters(decision.id);
      const me = inv.actor.person.id;
      const held = seatOf(voters, me);
      if (!held) refuse("decision.not-on-roll", { number, group: group.name });
      const { seat } = held;
      const stoodIn = held.asDeputy ? seat : null;
      const refusal = answerRefusal(held, decision.mode, group.rules["deputies-vote"]);
      if (refusal) {
        const member = stoodIn ? ((await stores.people.findById(stoodIn.personId))?.displayName ?? "—") : inv.actor.person.displayName;
        refuse(`decision.${refusal}`, { number, group: group.name, member });
      }
      await stores.decisions.answer(decision.id, seat.personId, answer, me, now);
      await recordChange(stores, this.deps.clock, inv, "decision.answered", subject(decision), {
        after: { number, answer, ...(stoodIn ? { for: stoodIn.personId } : {}) },
      });
      const member = stoodIn ? await stores.people.findById(stoodIn.personId) : null;
      const all = (await stores.decisions.voters(decision.id)).every((v) => v.answer !== null);
      return { group, decision, forMember: member?.displayName ?? null, all };
    });
    if (result.all) await this.close(result.decision.id, true);
    return result;
  }

  /** Refuses, before a confirmation is asked, a person who could not declare themselves prevented. */
  async preventedPrecheck(inv: Invocation, groupName: string, number: number): Promise<void> {
    await this.preventable(this.deps.uow.read, inv, groupName, number);
  }

  /**
   * `decision prevented <group> <number>`: under the group's `deputies-vote prevented` rule, a
   * member who cannot answer hands the seat to their personal deputy, who is returned to be told.
   */
  async declarePrevented(inv: Invocation, groupName: string, number: number) {
    return this.deps.uow.run(async (stores) => {
      const { group, decision, seat } = await this.preventable(stores, inv, groupName, number);
      if (!(await stores.decisions.declarePrevented(decision.id, seat.personId))) refuse("decision.answered-not-prevented", { number, group: group.name });
      await recordChange(stores, this.deps.clock, inv, "decision.prevented", subject(decision), { before: { prevented: false }, after: { number, prevented: true } });
      const deputy = seat.deputyId ? await stores.people.findById(seat.deputyId) : null;
      return { group, decision, deputy };
    });
  }

  private async preventable(stores: Stores, inv: Invocation, groupName: string, number: number) {
    const { group, decision } = await this.find(stores, inv, groupName, number);
    if (decision.state !== "open" || decision.deadline.getTime() <= this.deps.clock.now().getTime()) refuse("decision.closed", { number });
    const held = seatOf(await stores.decisions.voters(decision.id), inv.actor.person.id);
    const refusal = preventedRefusal(held, decision.mode, group.rules["deputies-vote"]);
    if (refusal) refuse(`decision.${refusal}`, { number, group: group.name, rule: group.rules["deputies-vote"] });
    return { group, decision, seat: held!.seat };
  }

  async show(inv: Invocation, groupName: string, number: number) {
    const stores = this.deps.uow.read;
    const group = await findGroup(stores, inv, groupName);
    const decision = await stores.decisions.find(group.id, number);
    if (!decision) refuse("decision.not-found", { number, group: group.name });
    const voters = await stores.decisions.voters(decision.id);
    return { group, decision, voters, nameOf: await this.names(stores, voters) };
  }

  /** The scheduler's use case: decisions whose deadline has come are counted and their minutes posted. */
  async closeDue(now: Date): Promise<number> {
    let closed = 0;
    for (const decision of await this.deps.uow.read.decisions.due(now)) {
      try {
        if (await this.close(decision.id, false)) closed += 1;
      } catch (error) {
        this.deps.logger.error({ err: loggedError(error), decisionId: decision.id }, "decision could not be closed");
      }
    }
    return closed;
  }

  /** Counts and closes once; the minutes are posted after the transaction commits. */
  private async close(decisionId: string, early: boolean): Promise<boolean> {
    const done = await this.deps.uow.run(async (stores) => {
      const decision = await stores.decisions.findById(decisionId);
      if (!decision || decision.state !== "open") return null;
      // Decided when the last answer came, or at the deadline however late the tick that saw it.
      const closedAt = early ? this.deps.clock.now() : decision.deadline;
      const group = await stores.groups.findById(decision.groupId);
      if (!group) return null;
      const voters = await stores.decisions.voters(decision.id);
      const count = countDecision(decision, voters);
      const nameOf = await this.names(stores, [...voters, { personId: decision.createdById, deputyId: null, answeredBy: null }]);
      const minutes = renderDecisionMinutes(this.channel, { group, decision, closedAt, voters, count, nameOf, early });
      const outcome = count.passed ? "passed" : "rejected";
      if (!(await stores.decisions.close(decision.id, { closedAt, outcome, minutes }))) return null;
      await cancelForEvent(stores, eventKey(decision));
      await stores.audit.record({
        at: closedAt,
        actorId: null,
        action: "decision.closed",
        subjectType: "decision",
        subjectId: decision.id,
        groupId: group.id,
        before: null,
        after: { number: decision.number, outcome, yes: count.yes, no: count.no, abstain: count.abstain, byLot: count.byLot, seed: decision.seed },
      });
      const closed: Decision = { ...decision, state: "closed", closedAt, outcome, minutes };
      await this.deps.post(stores, group, decisionMinutesPost(this.channel, group, closed, minutes));
      return closed;
    });
    return done !== null;
  }

  private async find(stores: Stores, inv: Invocation, groupName: string, number: number) {
    const group = await findActiveGroup(stores, inv, groupName);
    const decision = await stores.decisions.find(group.id, number);
    if (!decision) refuse("decision.not-found", { number, group: group.name });
    return { group, decision };
  }

  private async names(stores: Stores, voters: readonly Pick<DecisionVoter, "personId" | "deputyId" | "answeredBy">[]) {
    const ids = [...new Set(voters.flatMap((v) => [v.personId, v.deputyId, v.answeredBy]).filter((id): id is string => id !== null))];
    const people = await Promise.all(ids.map((id) => stores.people.findById(id)));
    const byId = new Map(people.filter((p) => p !== null).map((p) => [p.id, p.displayName]));
    return (id: string) => byId.get(id) ?? "—";
  }
}
