import { recordChange } from "../audit/record.ts";
import { requireManager } from "../groups/service.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import { findItem, findMeeting, meetingSubject, requireNotFinished, requireOpen } from "./access.ts";
import type { MeetingDeps } from "./deps.ts";
import { noItemLaw, type Threshold } from "./law.ts";
import { voteOutcome, type VoteCounts } from "./item-vote.ts";
import { requireInNotice } from "./notice.ts";
import { computeQuorum } from "./quorum.ts";

/** Whose stated opinion decides a tie at a meeting (§27(2)): the chair, or the vice-chair presiding. */
const presidingRoles = new Set(["chair", "vice-chair"]);

/**
 * Decisions at a meeting as the Associations Act has them: a vote's threshold and tie (§27),
 * disqualification on an item (§26, §37: the person neither votes nor takes part in deciding it),
 * and dissenting opinions recorded under the item.
 */
export class ItemLawService {
  constructor(private readonly deps: MeetingDeps) {}

  /** An open vote counted by the chair: no more votes than voters present who are not disqualified. */
  async vote(inv: Invocation, groupName: string, itemNumber: number, counts: VoteCounts, how: { threshold: Threshold; chairSays: "yes" | "no" | null }) {
    return this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName);
      await requireManager(stores, inv, group, "agenda vote");
      requireOpen(meeting, group);
      const { item } = await findItem(stores, meeting, itemNumber, group);
      await requireInNotice(stores, meeting, item, itemNumber, group);
      const quorum = computeQuorum(await stores.groups.members(group.id), await stores.meetings.attendance(meeting.id), group.rules.quorum);
      const recused = new Set((await stores.law.recusals([item.id])).map((r) => r.personId));
      const eligible = quorum.voters.filter((id) => !recused.has(id)).length;
      const total = counts.yes + counts.no + counts.abstain;
      if (total > eligible) refuse("agenda.too-many-votes", { total, present: eligible });
      if (recused.has(inv.actor.person.id)) refuse("agenda.recused", { number: itemNumber });
      if (how.chairSays !== null) {
        const role = (await stores.groups.membership(group.id, inv.actor.person.id))?.role;
        if (!role || !presidingRoles.has(role)) refuse("agenda.chair-decides-only");
      }
      const outcome = voteOutcome(counts, how.threshold, how.chairSays);
      if (outcome.kind === "tie-needs-chair") refuse("agenda.tie", { number: itemNumber, yes: counts.yes, no: counts.no, abstain: counts.abstain, group: group.name });
      const updated = await stores.meetings.updateItem(item.id, { voteYes: counts.yes, voteNo: counts.no, voteAbstain: counts.abstain });
      const [law] = await stores.law.items([item.id]);
      await stores.law.saveItem({ ...(law ?? noItemLaw(item.id)), threshold: how.threshold, passed: outcome.passed, tieBreak: outcome.tieBreak });
      await recordChange(stores, this.deps.clock, inv, "agenda.vote-recorded", meetingSubject(meeting), {
        after: { meeting: meeting.number, item: itemNumber, ...counts, threshold: how.threshold, passed: outcome.passed, tieBreak: outcome.tieBreak },
      });
      return { group, meeting, item: updated, number: itemNumber, passed: outcome.passed, tieBreak: outcome.tieBreak };
    });
  }

  /** Records that a person is disqualified (esteellinen) on an item; the minutes name them. */
  async recuse(inv: Invocation, groupName: string, itemNumber: number, personId: string) {
    return this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName);
      await requireManager(stores, inv, group, "agenda recuse");
      requireNotFinished(meeting);
      const { item } = await findItem(stores, meeting, itemNumber, group);
      const person = (await stores.groups.members(group.id)).find((m) => m.personId === personId);
      if (!person) refuse("group.not-member", { person: (await stores.people.findById(personId))?.displayName ?? "?", group: group.name });
      const [law] = await stores.law.items([item.id]);
      if (law?.passed != null) refuse("agenda.recuse-after-vote", { number: itemNumber });
      if (!(await stores.law.addRecusal({ itemId: item.id, personId, at: this.deps.clock.now() }))) {
        refuse("agenda.already-recused", { person: person.displayName, number: itemNumber });
      }
      await recordChange(stores, this.deps.clock, inv, "agenda.recused", meetingSubject(meeting), {
        after: { meeting: meeting.number, item: itemNumber, person: person.displayName },
      });
      return { group, meeting, item, number: itemNumber, person };
    });
  }

  /**
   * The asker's dissenting opinion on an item decided at the open meeting they attend; a person
   * disqualified on the item took no part in deciding it and so has nothing to dissent from.
   */
  async dissent(inv: Invocation, groupName: string, itemNumber: number, text: string) {
    return this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName);
      requireOpen(meeting, group);
      const { item } = await findItem(stores, meeting, itemNumber, group);
      const me = inv.actor.person.id;
      if (!(await stores.meetings.attendance(meeting.id)).some((a) => a.personId === me)) refuse("agenda.dissent-not-present", { group: group.name });
      if ((await stores.law.recusals([item.id])).some((r) => r.personId === me)) refuse("agenda.recused", { number: itemNumber });
      const [law] = await stores.law.items([item.id]);
      if (item.decision === null && law?.passed == null) refuse("agenda.nothing-to-dissent", { number: itemNumber });
      await stores.law.addDissent({ itemId: item.id, personId: me, text, at: this.deps.clock.now() });
      await recordChange(stores, this.deps.clock, inv, "agenda.dissent-recorded", meetingSubject(meeting), {
        after: { meeting: meeting.number, item: itemNumber },
      });
      return { group, meeting, item, number: itemNumber };
    });
  }
}
