import { typedName } from "../shared/words.ts";
import { presentation } from "../../i18n/presentation.ts";
import { recordChange } from "../audit/record.ts";
import { postToPerson } from "../outbox/post.ts";
import type { Group } from "../groups/group.ts";
import { requireManager } from "../groups/service.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { findItem, findMeeting, meetingSubject, requireNotFinished, requireOpen, type MeetingRef } from "./access.ts";
import { isMovable, moveToNextMeeting, numberedAgenda } from "./agenda-order.ts";
import { readPage } from "../shared/page.ts";
import type { MeetingDeps } from "./deps.ts";
import { newItem, type AgendaItem, type Meeting } from "./meeting.ts";
import { noItemLaw, type NoticeKind } from "./law.ts";
import { noticeTerms, recordNotice, requireInNotice, requireNotRecused } from "./notice.ts";
import { computeQuorum } from "./quorum.ts";
import { agendaPost, amendmentPost, rejectionNotice } from "./replies.ts";
import { meetingInvitation } from "../calendar/meeting-ics.ts";

export interface ItemInput {
  readonly title: string;
  readonly text: string | null;
  readonly link: string | null;
  /** An item that must be named in the notice to be decided (law.ts). */
  readonly kind?: NoticeKind | null;
}

type Amendment = "added" | "accepted" | "deferred" | "rejected" | "moved";

/** The agenda: members propose, officers order, accept, defer, reject, publish and record decisions. */
export class AgendaService {
  constructor(private readonly deps: MeetingDeps) {}

  /** What the group's channel reads: its language, the council's time zone. */
  private get channel() {
    return presentation(this.deps.channelLocale, this.deps.timeZone);
  }

  /** Adds an item to the group's current meeting, or to meeting `number`. After the deadline it waits for the chair. */
  async add(inv: Invocation, groupName: string, input: ItemInput, number?: number): Promise<MeetingRef & { item: AgendaItem; agendaNumber: number }> {
    const result = await this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName, number);
      requireNotFinished(meeting);
      const membership = await stores.groups.membership(group.id, inv.actor.person.id);
      if (!membership || membership.role === "observer") refuse("agenda.members-only", { group: group.name });
      const now = this.deps.clock.now();
      const late = now.getTime() > meeting.agendaDeadline.getTime();
      // The place and number come from the database (max position, a count), not from reading the
      // agenda: an add costs the same on an agenda of 10 items or 5 000.
      const item = await stores.meetings.addItem(
        newItem({
          meetingId: meeting.id,
          position: await stores.meetings.nextPosition(meeting.id),
          title: input.title,
          text: input.text,
          link: input.link,
          proposerId: inv.actor.person.id,
          status: late ? "pending" : "accepted",
          late,
          createdAt: now,
        }),
      );
      if (input.kind) await stores.law.saveItem({ ...noItemLaw(item.id), kind: input.kind });
      await recordChange(stores, this.deps.clock, inv, "agenda.item-added", meetingSubject(meeting), {
        after: { meeting: meeting.number, title: item.title, late, ...(input.kind ? { kind: input.kind } : {}) },
      });
      // The new item is the last before the closing item: its number is the listed count less the closing item.
      const agendaNumber = (await stores.meetings.agendaLength(meeting.id)) - (await stores.meetings.standardCount(meeting.id)).closing;
      if (!item.late) await this.amend(stores, { group, meeting }, "added", item);
      return { group, meeting, item, agendaNumber };
    });
    return result;
  }

  /** A page of the numbered agenda, with the rejected items beside it. */
  async list(inv: Invocation, groupName: string, number?: number, page = 1) {
    const stores = this.deps.uow.read;
    const ref = await findMeeting(stores, inv, groupName, number);
    const agenda = await readPage(page, () => stores.meetings.agendaLength(ref.meeting.id), (w) => stores.meetings.agendaPage(ref.meeting.id, w));
    // The rejected items are listed under the first page only.
    return { ...ref, agenda, rejected: page === 1 ? await stores.meetings.itemsWithStatus(ref.meeting.id, "rejected") : [] };
  }

  async accept(inv: Invocation, groupName: string, itemNumber: number) {
    return this.change(inv, groupName, itemNumber, "agenda accept", "accepted", async (stores, _meeting, item) => {
      if (item.status !== "pending") refuse("agenda.not-pending", { number: itemNumber });
      return stores.meetings.updateItem(item.id, { status: "accepted" });
    });
  }

  /** Moves an item to the group's next meeting (or, with none scheduled yet, to whichever comes next). */
  async defer(inv: Invocation, groupName: string, itemNumber: number) {
    return this.change(inv, groupName, itemNumber, "agenda defer", "deferred", async (stores, meeting, item, group) => {
      requireMovable(item, itemNumber);
      requireUndecided(item, itemNumber, group);
      const [moved] = await moveToNextMeeting(stores, await stores.meetings.nextScheduledAfter(meeting.groupId, meeting.startsAt), [item]);
      return moved!;
    });
  }

  async reject(inv: Invocation, groupName: string, itemNumber: number, reason: string) {
    return this.change(
      inv,
      groupName,
      itemNumber,
      "agenda reject",
      "rejected",
      async (stores, _meeting, item, group) => {
        requireMovable(item, itemNumber);
        requireUndecided(item, itemNumber, group);
        return stores.meetings.updateItem(item.id, { status: "rejected", reason });
      },
      // The proposer is told with the change, in their own language.
      async (stores, result) => {
        const proposer = result.item.proposerId ? await stores.people.findById(result.item.proposerId) : null;
        if (!proposer) return;
        const p = presentation(proposer.locale ?? this.deps.channelLocale, this.deps.timeZone);
        await postToPerson(stores, this.deps.clock, proposer.externalId, rejectionNotice(p, result.group, result.meeting, result.item));
      },
    );
  }

  async move(inv: Invocation, groupName: string, itemNumber: number, to: number) {
    return this.change(inv, groupName, itemNumber, "agenda move", "moved", async (stores, meeting, item) => {
      requireMovable(item, itemNumber);
      // Only the places between the standard items are open; a place outside them, or the item's own, moves nothing.
      const { first, last } = await movableRange(stores, meeting.id);
      if (to < first || to > last) refuse("agenda.move-range", { first, last });
      if (to === itemNumber) refuse("agenda.move-same", { number: to });
      // The items between the two places shift by one toward the place left empty, and the item takes
      // the place's position: three statements, however long the agenda.
      const [target] = await stores.meetings.agendaPage(meeting.id, { offset: to - 1, limit: 1 });
      if (!target) refuse("agenda.move-range", { first, last });
      if (to > itemNumber) await stores.meetings.shiftPositions(meeting.id, item.position + 1, target.position, -1);
      else await stores.meetings.shiftPositions(meeting.id, target.position, item.position - 1, 1);
      return stores.meetings.updateItem(item.id, { position: target.position });
    });
  }

  /** Posts the numbered agenda to the group's channel; later changes are posted as amendments. */
  async publish(inv: Invocation, groupName: string) {
    const result = await this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName);
      await requireManager(stores, inv, group, "agenda publish");
      requireNotFinished(meeting);
      const agenda = numberedAgenda(await stores.meetings.items(meeting.id));
      const pending = agenda.filter((i) => i.status === "pending");
      if (pending.length) refuse("agenda.pending-items", { numbers: pending.map((i) => i.number).join(", "), group: typedName(group.name), first: pending[0]!.number });
      const published = await stores.meetings.update(meeting.id, { publishedAt: this.deps.clock.now() });
      await recordNotice(stores, group, published, this.deps.clock.now());
      await recordChange(stores, this.deps.clock, inv, "agenda.published", meetingSubject(meeting), {
        after: { meeting: meeting.number, items: agenda.length },
      });
      const result = { group, meeting: published, agenda };
      // The agenda is the notice: it carries the remote and registration terms of the group's rules,
      // and by mail the calendar invitation.
      const post = agendaPost(this.channel, result);
      const { sequence } = await stores.mail.meetingCalendar(meeting.id);
      const invitation = this.deps.mailEnabled ? [meetingInvitation(this.channel, this.deps.timeZone, { group, meeting: published, sequence }, "request")] : [];
      await this.deps.post(stores, group, { ...post, blocks: [...post.blocks, ...noticeTerms(this.channel, group.rules, published)] }, invitation);
      return result;
    });
    return result;
  }

  async decide(inv: Invocation, groupName: string, itemNumber: number, decision: string) {
    return this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName);
      await requireManager(stores, inv, group, "agenda decide");
      requireOpen(meeting, group);
      const { item } = await findItem(stores, meeting, itemNumber, group);
      await requireInNotice(stores, meeting, item, itemNumber, group);
      await requireNotRecused(stores, item, inv.actor.person.id, itemNumber);
      const updated = await stores.meetings.updateItem(item.id, { decision });
      await recordChange(stores, this.deps.clock, inv, "agenda.decided", meetingSubject(meeting), {
        before: { meeting: meeting.number, item: itemNumber, decision: item.decision },
        after: { meeting: meeting.number, item: itemNumber, decision },
      });
      // Recorded all the same (attendance may be incomplete), but the chair is told.
      const quorum = computeQuorum(await stores.groups.members(group.id), await stores.meetings.attendance(meeting.id), group.rules.quorum);
      return { group, meeting, item: updated, number: itemNumber, quorum };
    });
  }

  /** One officer change to one item, audited, then posted as an amendment if the agenda is out. */
  private async change(
    inv: Invocation,
    groupName: string,
    itemNumber: number,
    action: string,
    amendment: Amendment,
    apply: (stores: Stores, meeting: Meeting, item: AgendaItem, group: Group) => Promise<AgendaItem>,
    tell?: (stores: Stores, result: { group: Group; meeting: Meeting; item: AgendaItem }) => Promise<void>,
  ) {
    const result = await this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName);
      await requireManager(stores, inv, group, action);
      requireNotFinished(meeting);
      const { item } = await findItem(stores, meeting, itemNumber, group);
      const updated = await apply(stores, meeting, item, group);
      await recordChange(stores, this.deps.clock, inv, `agenda.item-${amendment}` as const, meetingSubject(meeting), {
        before: { meeting: meeting.number, item: itemNumber, title: item.title, status: item.status },
        after: { meeting: meeting.number, item: itemNumber, title: item.title, status: updated.status },
      });
      const result = { group, meeting, item: updated, number: itemNumber };
      await this.amend(stores, result, amendment, updated);
      await tell?.(stores, result);
      return result;
    });
    return result;
  }

  /** Once the agenda is published, no change to it is silent. */
  private async amend(stores: Stores, ref: { group: Group; meeting: Meeting }, kind: Amendment, item: AgendaItem): Promise<void> {
    if (!ref.meeting.publishedAt) return;
    const agenda = numberedAgenda(await stores.meetings.items(ref.meeting.id));
    await this.deps.post(stores, ref.group, amendmentPost(this.channel, ref, kind, item, agenda));
  }
}

/** The agenda numbers an item may move to: after the standard opening items, before the closing one. */
async function movableRange(stores: Stores, meetingId: string): Promise<{ first: number; last: number }> {
  const length = await stores.meetings.agendaLength(meetingId);
  const standard = await stores.meetings.standardCount(meetingId);
  return { first: standard.opening + 1, last: length - standard.closing };
}

function requireMovable(item: AgendaItem, number: number): void {
  if (!isMovable(item)) refuse("agenda.standard-item", { number });
}

/** A decided item stays with its decision: rejecting or deferring it would leave the decision on no agenda. */
function requireUndecided(item: AgendaItem, number: number, group: Group): void {
  if (item.decision !== null) refuse("agenda.already-decided", { number, group: group.name });
}
