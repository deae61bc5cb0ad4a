import { msg } from "../../i18n/translate.ts";
import { presentation } from "../../i18n/presentation.ts";
import { recordChange } from "../audit/record.ts";
import type { Group, MemberView } from "../groups/group.ts";
import { findActiveGroup, findGroup, requireManager } from "../groups/service.ts";
import { cancelForEvent, meetingReminders, rescheduleForEvent, scheduleForEvent } from "../reminders/events.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { findMeeting, meetingSubject, requireNotFinished, requireOpen, type MeetingRef } from "./access.ts";
import { closingPosition, freezeAgenda, isListed, moveToNextMeeting, numberedAgenda } from "./agenda-order.ts";
import { askCheckers } from "./minutes-service.ts";
import { minutesSummaries, type MinutesSummary } from "./minutes-approval.ts";
import { meetingListPage, type MeetingListPage } from "./meeting-list.ts";
import type { Official } from "./officials.ts";
import { yearNumberOf } from "./year-number.ts";
import type { MeetingDeps } from "./deps.ts";
import { newItem, standardItems, type AgendaItem, type Attendance, type AttendanceMode, type Meeting, type Registration, type StandardKind } from "./meeting.ts";
import { renderMinutes } from "./minutes.ts";
import { electionSection, electionsForMinutes } from "./minutes-elections.ts";
import { minutesPost } from "./replies.ts";
import { itemNotes } from "./item-notes.ts";
import { legalityLine, legalityOf } from "./notice.ts";
import { requireRegistered } from "./registration.ts";
import { computeQuorum, type Quorum } from "./quorum.ts";
import { showTime } from "../shared/show-time.ts";
import { parseWhen, typedTimeExample, type ParsedWhen } from "./when.ts";
import { typedName } from "../shared/words.ts";
import { meetingInvitation } from "../calendar/meeting-ics.ts";
import { mailGroup } from "../mail/send.ts";
import { text, toChannel } from "../../render/build.ts";
import { loggedError } from "../shared/logged-error.ts";

export interface MeetingView extends MeetingRef {
  readonly agenda: (AgendaItem & { number: number })[];
  readonly attendance: Attendance[];
  /** Those registered, where the group's rules ask for registration (empty otherwise). */
  readonly registrations: Registration[];
  readonly members: MemberView[];
  readonly quorum: Quorum;
  readonly officials: Official[];
  /** Where the minutes are (null before the meeting closes). */
  readonly minutesState: MinutesSummary | null;
  /** "1/2027": the meeting's number in its year. */
  readonly yearNumber: string;
}

const day = 24 * 3_600_000;

/** Meetings: scheduling, the meeting itself, and its minutes. The agenda is in agenda-service.ts. */
export class MeetingService {
  constructor(private readonly deps: MeetingDeps) {}

  /** What the group's channel reads: its language, the council's time zone. */
  private get channel() {
    return presentation(this.deps.channelLocale, this.deps.timeZone);
  }

  /** Two meetings of a group called for the same moment are a mistake (a number typed twice), not two meetings. */
  private async requireTimeFree(stores: Stores, inv: Invocation, group: Group, startsAt: Date, exceptId?: string): Promise<void> {
    const taken = await stores.meetings.calledFor(group.id, startsAt, exceptId);
    if (!taken) return;
    const when = showTime(presentation(inv.locale, this.deps.timeZone), "weekdayDateTime", startsAt);
    refuse("meeting.same-time", { number: taken.number, when, example: `meeting reschedule ${typedName(group.name)} ${taken.number} ${typedTimeExample(this.deps.timeZone, this.deps.clock.now(), startsAt)}` });
  }

  /** A typed date and time (and what follows it), read in the council's time zone from today on. */
  readWhen(text: string): ParsedWhen | null {
    return parseWhen(text, this.deps.timeZone, this.deps.clock.now());
  }

  async schedule(inv: Invocation, groupName: string, startsAt: Date, place: string | null): Promise<MeetingRef> {
    this.requireFuture(startsAt, `meeting schedule ${typedName(groupName)}`);
    const ref = await this.deps.uow.run(async (stores) => {
      const group = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, group, "meeting schedule");
      await this.requireTimeFree(stores, inv, group, startsAt);
      const deadline = this.deadlineFor(startsAt);
      const meeting = await stores.meetings.create({ groupId: group.id, startsAt, place, agendaDeadline: deadline });
      const now = this.deps.clock.now();
      for (const [i, kind] of standardItems.entries()) await stores.meetings.addItem(standardItem(meeting.id, kind, i + 1, now));
      await stores.meetings.addItem(standardItem(meeting.id, "closing", closingPosition, now));
      // Items deferred from earlier meetings carry over to this one, after the standard items.
      for (const [i, item] of (await stores.meetings.carriedOver(group.id, meeting.id)).entries()) {
        await stores.meetings.updateItem(item.id, { meetingId: meeting.id, status: "accepted", position: standardItems.length + 1 + i });
      }
      await recordChange(stores, this.deps.clock, inv, "meeting.scheduled", meetingSubject(meeting), {
        after: { number: meeting.number, startsAt: meeting.startsAt.toISOString(), place },
      });
      await this.scheduleReminders(stores, inv, group, meeting, "schedule");
      const ref = { group, meeting };
      await this.announce(stores, ref, "announce.meeting.scheduled");
      await this.deps.platformEvents.markPending(stores, group, meeting);
      return ref;
    });
    await this.deps.platformEvents.syncDue(undefined, ref.meeting.id);
    return ref;
  }

  async reschedule(inv: Invocation, groupName: string, number: number, startsAt: Date, place: string | null): Promise<MeetingRef> {
    this.requireFuture(startsAt, `meeting reschedule ${typedName(groupName)} ${number}`);
    const ref = await this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName, number);
      await requireManager(stores, inv, group, "meeting reschedule");
      requireNotFinished(meeting);
      await this.requireTimeFree(stores, inv, group, startsAt, meeting.id);
      const updated = await stores.meetings.update(meeting.id, {
        startsAt,
        place: place ?? meeting.place,
        agendaDeadline: this.deadlineFor(startsAt),
      });
      await recordChange(stores, this.deps.clock, inv, "meeting.rescheduled", meetingSubject(meeting), {
        before: { number, startsAt: meeting.startsAt.toISOString(), place: meeting.place },
        after: { number, startsAt: startsAt.toISOString(), place: updated.place },
      });
      await this.scheduleReminders(stores, inv, group, updated, "reschedule");
      const ref = { group, meeting: updated };
      await this.announce(stores, ref, "announce.meeting.rescheduled");
      await this.mailChange(stores, ref, "announce.meeting.rescheduled", "request");
      await this.deps.platformEvents.markPending(stores, group, updated);
      return ref;
    });
    await this.deps.platformEvents.syncDue(undefined, ref.meeting.id);
    return ref;
  }

  /**
   * Sets meeting `number`'s agenda deadline by hand (the default is agendaDeadlineDays before it).
   * The deadline must lie ahead and not after the meeting starts; the deadline reminder moves with it.
   */
  async setDeadline(inv: Invocation, groupName: string, number: number, deadline: Date): Promise<MeetingRef> {
    const ref = await this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName, number);
      await requireManager(stores, inv, group, "meeting deadline");
      requireNotFinished(meeting);
      if (meeting.status === "open") refuse("meeting.already-open", { number });
      // The example is a deadline that would be taken: ahead, and before this meeting.
      const now = this.deps.clock.now();
      const example = `meeting deadline ${typedName(group.name)} ${number} ${typedTimeExample(this.deps.timeZone, now, deadline, meeting.startsAt)}`;
      if (deadline.getTime() <= now.getTime()) refuse("meeting.deadline-in-past", { example });
      if (deadline.getTime() > meeting.startsAt.getTime()) {
        refuse("meeting.deadline-after-start", { number, when: showTime(presentation(inv.locale, this.deps.timeZone), "weekdayDateTime", meeting.startsAt), example });
      }
      const updated = await stores.meetings.update(meeting.id, { agendaDeadline: deadline });
      await recordChange(stores, this.deps.clock, inv, "meeting.deadline-set", meetingSubject(meeting), {
        before: { number, deadline: meeting.agendaDeadline.toISOString() },
        after: { number, deadline: deadline.toISOString() },
      });
      await this.scheduleReminders(stores, inv, group, updated, "reschedule");
      const ref = { group, meeting: updated };
      await this.deps.announce(stores, ref.group, "announce.meeting.deadline", {
        group: ref.group.name,
        number,
        deadline: showTime(this.channel, "weekdayDateTime", deadline),
      });
      return ref;
    });
    return ref;
  }

  async cancel(inv: Invocation, groupName: string, number: number): Promise<MeetingRef> {
    const ref = await this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName, number);
      await requireManager(stores, inv, group, "meeting cancel");
      requireNotFinished(meeting);
      const updated = await stores.meetings.update(meeting.id, { status: "cancelled" });
      // Nothing submitted is lost: the members' items go to the next meeting.
      const members = (await stores.meetings.items(meeting.id)).filter((item) => item.standard === null && isListed(item));
      await moveToNextMeeting(stores, await stores.meetings.nextScheduledInsteadOf(meeting), members);
      await cancelForEvent(stores, `meeting:${meeting.id}`);
      await recordChange(stores, this.deps.clock, inv, "meeting.cancelled", meetingSubject(meeting), {
        before: { number, status: meeting.status },
        after: { number, status: "cancelled" },
      });
      const ref = { group, meeting: updated };
      await this.announce(stores, ref, "announce.meeting.cancelled");
      await this.mailChange(stores, ref, "announce.meeting.cancelled", "cancel");
      await this.deps.platformEvents.markPending(stores, group, updated);
      return ref;
    });
    await this.deps.platformEvents.syncDue(undefined, ref.meeting.id);
    return ref;
  }

  async list(inv: Invocation, groupName: string, page = 1): Promise<MeetingListPage> {
    const stores = this.deps.uow.read;
    const group = await findGroup(stores, inv, groupName);
    return meetingListPage(stores, group, this.deps.clock.now(), page, this.deps.timeZone);
  }

  async show(inv: Invocation, groupName: string, number?: number): Promise<MeetingView> {
    const stores = this.deps.uow.read;
    const group = await findGroup(stores, inv, groupName);
    const meeting = number !== undefined ? await stores.meetings.find(group.id, number) : (await findMeeting(stores, inv, groupName)).meeting;
    if (!meeting) refuse("meeting.not-found", { group: group.name, number: number ?? 0 });
    return this.view(stores, group, meeting);
  }

  /**
   * The meeting `meeting open` would open, when that is more than an hour before its called time:
   * opened days early by mistake, its minutes would carry the wrong time. Null otherwise (on time,
   * or something `open` itself refuses).
   */
  async openingEarly(inv: Invocation, groupName: string): Promise<Meeting | null> {
    const { meeting } = await findMeeting(this.deps.uow.read, inv, groupName);
    const early = meeting.startsAt.getTime() - this.deps.clock.now().getTime() > 3_600_000;
    return meeting.status === "scheduled" && early ? meeting : null;
  }

  async open(inv: Invocation, groupName: string): Promise<MeetingView> {
    const view = await this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName);
      await requireManager(stores, inv, group, "meeting open");
      requireNotFinished(meeting);
      if (meeting.status === "open") refuse("meeting.already-open", { number: meeting.number });
      const pending = numberedAgenda(await stores.meetings.items(meeting.id)).filter((i) => i.status === "pending");
      if (pending.length) refuse("agenda.pending-items", { numbers: pending.map((i) => i.number).join(", "), group: typedName(group.name), first: pending[0]!.number });
      const opened = await stores.meetings.update(meeting.id, { status: "open", openedAt: this.deps.clock.now() });
      await recordChange(stores, this.deps.clock, inv, "meeting.opened", meetingSubject(meeting), { after: { number: meeting.number } });
      const view = await this.view(stores, group, opened);
      await this.announce(stores, view, "announce.meeting.opened");
      return view;
    });
    return view;
  }

  /** Records that someone is at the meeting; a deputy may stand in for a named member. */
  async attend(inv: Invocation, groupName: string, personId: string, mode: AttendanceMode | "absent", forMemberId: string | null): Promise<MeetingView> {
    return this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName);
      requireNotFinished(meeting);
      if (personId !== inv.actor.person.id) await requireManager(stores, inv, group, "meeting attend");
      if (mode === "remote" && group.rules.remote === "no") refuse("meeting.remote-not-allowed", { group: group.name });
      const members = await stores.groups.members(group.id);
      const person = members.find((m) => m.personId === personId);
      if (!person) refuse("group.not-member", { person: (await stores.people.findById(personId))?.displayName ?? "?", group: group.name });
      if (forMemberId) {
        const member = members.find((m) => m.personId === forMemberId);
        if (person.role !== "deputy" || !member) refuse("meeting.not-standing-in", { person: person.displayName });
      }
      if (mode !== "absent") await requireRegistered(stores, group, meeting, personId, forMemberId);
      if (mode === "absent") await stores.meetings.removeAttendance(meeting.id, personId);
      else await stores.meetings.attend({ meetingId: meeting.id, personId, mode, forMemberId });
      await recordChange(stores, this.deps.clock, inv, "meeting.attendance", meetingSubject(meeting), {
        after: { number: meeting.number, person: person.displayName, mode },
      });
      return this.view(stores, group, meeting);
    });
  }

  /** Closes the meeting: undecided items carry over, the minutes are written, stored and posted. */
  async close(inv: Invocation, groupName: string): Promise<MeetingView & { minutes: string }> {
    const closed = await this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName);
      await requireManager(stores, inv, group, "meeting close");
      requireOpen(meeting, group);
      const updated = await stores.meetings.update(meeting.id, { status: "closed", closedAt: this.deps.clock.now() });
      const view = await this.view(stores, group, updated);
      const actions = await stores.meetings.actionsOfMeeting(group.id, meeting.id);
      const people = new Map(view.members.map((m) => [m.personId, m.displayName]));
      // The minutes number the agenda as it was handled; undecided items are named as carried over.
      const items = await stores.meetings.items(meeting.id);
      const officials = await stores.minutes.officials(meeting.id);
      const nameOf = (id: string) => people.get(id) ?? "—";
      const { legality, notice } = await legalityOf(stores, meeting, view.quorum);
      const notesOf = await itemNotes(stores, this.channel, items, nameOf);
      const legal = legalityLine(this.channel, legality, notice);
      // Written into the text now, so the checkers' approval (of its SHA-256) covers the records' hashes too.
      const electionLines = electionSection(this.channel, await electionsForMinutes(stores, this.channel, updated), this.deps.publicUrl());
      const minutes = renderMinutes(this.channel, { ...view, items, actions, nameOf, legality: legal, notesOf, officials, electionLines });
      await freezeAgenda(stores, items);
      await stores.meetings.update(meeting.id, { minutes });
      await stores.minutes.saveStatus({ meetingId: meeting.id, state: "draft", checkedAt: null, approvedAtMeetingId: null, approvedAt: null });
      // The meeting is over: "starts in an hour" must not follow it.
      await cancelForEvent(stores, `meeting:${meeting.id}`);
      await recordChange(stores, this.deps.clock, inv, "meeting.closed", meetingSubject(meeting), {
        after: { number: meeting.number, quorum: view.quorum.reached },
      });
      const closed = { ...view, meeting: { ...updated, minutes }, minutes };
      await this.deps.post(stores, closed.group, minutesPost(this.channel, closed));
      await askCheckers(stores, this.deps, group, closed.meeting);
      return closed;
    });
    return closed;
  }

  async view(stores: Stores, group: Group, meeting: Meeting): Promise<MeetingView> {
    const [items, attendance, registrations, members, officials, summaries, year] = await Promise.all([
      stores.meetings.items(meeting.id),
      stores.meetings.attendance(meeting.id),
      group.rules["registration"] > 0 ? stores.meetings.registrations(meeting.id) : [],
      stores.groups.members(group.id),
      stores.minutes.officials(meeting.id),
      minutesSummaries(stores, [meeting]),
      yearNumberOf(stores, meeting, this.deps.timeZone),
    ]);
    return {
      group,
      meeting,
      agenda: numberedAgenda(items),
      attendance,
      registrations,
      members,
      quorum: computeQuorum(members, attendance, group.rules.quorum),
      officials,
      minutesState: summaries.get(meeting.id) ?? null,
      yearNumber: year,
    };
  }

  /** A meeting's time must lie ahead; the refusal's example is `command` with the typed clock time a week on. */
  private requireFuture(at: Date, command: string): void {
    const now = this.deps.clock.now();
    if (at.getTime() <= now.getTime()) refuse("meeting.in-past", { example: `${command} ${typedTimeExample(this.deps.timeZone, now, at)}` });
  }

  private deadlineFor(startsAt: Date): Date {
    const deadline = new Date(startsAt.getTime() - this.deps.agendaDeadlineDays * day);
    const now = this.deps.clock.now();
    // A meeting called at short notice takes items until it starts.
    return deadline.getTime() > now.getTime() ? deadline : startsAt;
  }

  private async scheduleReminders(stores: Stores, inv: Invocation, group: Group, meeting: Meeting, how: "schedule" | "reschedule") {
    const input = {
      eventKey: `meeting:${meeting.id}`,
      workspaceId: inv.workspaceId,
      groupId: group.id,
      timeZone: this.deps.timeZone,
      reminders: meetingReminders({
        title: `${group.name} ${meeting.number}`,
        startsAt: meeting.startsAt,
        agendaDeadline: meeting.agendaDeadline < meeting.startsAt ? meeting.agendaDeadline : null,
      }),
    };
    if (how === "schedule") await scheduleForEvent(stores, this.deps.clock, input);
    else await rescheduleForEvent(stores, this.deps.clock, input);
  }

  private announce(stores: Stores, ref: MeetingRef, key: "announce.meeting.scheduled" | "announce.meeting.rescheduled" | "announce.meeting.cancelled" | "announce.meeting.opened") {
    return this.deps.announce(stores, ref.group, key, this.announceParams(ref));
  }

  private announceParams({ group, meeting }: MeetingRef) {
    return {
      group: group.name,
      number: meeting.number,
      when: showTime(this.channel, "weekdayDateTime", meeting.startsAt),
      place: meeting.place ?? msg("meetings.no-place"),
    };
  }

  /**
   * A moved or cancelled meeting's calendar entry changes: its SEQUENCE goes up (the feed shows it
   * too), and once its notice has gone out, members with an address get the change with an
   * updated invitation (same UID) or a cancellation.
   */
  private async mailChange(stores: Stores, ref: MeetingRef, key: "announce.meeting.rescheduled" | "announce.meeting.cancelled", kind: "request" | "cancel") {
    const sequence = await stores.mail.raiseSequence(ref.meeting.id);
    if (!this.deps.mailEnabled || !ref.meeting.publishedAt) return;
    const invitation = meetingInvitation(this.channel, this.deps.timeZone, { ...ref, sequence }, kind);
    await mailGroup(stores, this.deps.clock, ref.group, toChannel(text(this.channel.t(key, this.announceParams(ref)))), [invitation]);
  }
}

/** A standard item's title comes from the catalogues when shown, in the reader's language. */
const standardItem = (meetingId: string, kind: StandardKind, position: number, now: Date) =>
  newItem({ meetingId, position, standard: kind, title: "", status: "accepted", createdAt: now });
