import { presentation, type Presentation } from "../../i18n/presentation.ts";
import { recordChange } from "../audit/record.ts";
import { groupNameKey, type Group } from "../groups/group.ts";
import { findGroup, requireManager } from "../groups/service.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import { findMeeting, meetingSubject, type MeetingRef } from "./access.ts";
import type { MeetingDeps } from "./deps.ts";
import { newItem, type Meeting } from "./meeting.ts";
import { postToPerson } from "../outbox/post.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { auditMinutes, findMinutes, loadMinutes, requireDraft, requireEditor, type MinutesView } from "./minutes-approval.ts";
import { minutesApprovalRequest, minutesStatePost, withDecision } from "./minutes-replies.ts";
import { officialRoles, officialsOf, type Official, type OfficialChoice } from "./officials.ts";

/** A typed official: the name as given, and the person when the platform or the group knows them. */
export interface NamedOfficial {
  readonly name: string;
  readonly personId: string | null;
}

/**
 * The meeting's officials and its minutes after the meeting (§31): the secretary corrects the draft,
 * the checkers approve the exact text they read, or a later meeting approves it.
 */
export class MinutesService {
  constructor(private readonly deps: MeetingDeps) {}

  private get channel(): Presentation {
    return presentation(this.deps.channelLocale, this.deps.timeZone);
  }

  /** Records the officials the open meeting chose; the roles not named keep theirs. */
  async chooseOfficials(inv: Invocation, groupName: string, choice: Partial<Record<keyof OfficialChoice, NamedOfficial[]>>): Promise<MeetingRef & { officials: Official[] }> {
    return this.deps.uow.run(async (stores) => {
      const { group, meeting } = await findMeeting(stores, inv, groupName);
      await requireManager(stores, inv, group, "meeting officials");
      if (meeting.status !== "open") refuse("officials.meeting-not-open", { number: meeting.number });
      const members = await stores.groups.members(group.id);
      // A name typed as it reads in the group (any case) is that member, so a checker's button works for them.
      const byName = new Map(members.map((m) => [groupNameKey(m.displayName), m.personId]));
      for (const role of officialRoles) {
        const named = choice[role];
        if (!named) continue;
        const officials = named.map((o, i) => ({ meetingId: meeting.id, role, position: i + 1, name: o.name, personId: o.personId ?? byName.get(groupNameKey(o.name)) ?? null }));
        await stores.minutes.setOfficials(meeting.id, role, officials);
      }
      const officials = await stores.minutes.officials(meeting.id);
      await recordChange(stores, this.deps.clock, inv, "meeting.officials-chosen", meetingSubject(meeting), {
        after: { number: meeting.number, officials: officials.map((o) => `${o.role}: ${o.name}`).join("; ") },
      });
      return { group, meeting, officials };
    });
  }

  /** The officials of meeting `number`, or of the current meeting. */
  async officials(inv: Invocation, groupName: string, number?: number): Promise<MeetingRef & { officials: Official[] }> {
    const ref = await findMeeting(this.deps.uow.read, inv, groupName, number);
    return { ...ref, officials: await this.deps.uow.read.minutes.officials(ref.meeting.id) };
  }

  /** The minutes as members may read them (§31(3)): any member of the workspace, any time after the meeting. */
  async show(inv: Invocation, groupName: string, number?: number): Promise<MinutesView> {
    const stores = this.deps.uow.read;
    const group = await findGroup(stores, inv, groupName);
    const meeting = number !== undefined ? await stores.meetings.find(group.id, number) : await stores.meetings.latestWithMinutes(group.id);
    if (!meeting) refuse("meeting.not-found", { group: group.name, number: number ?? 0 });
    return loadMinutes(stores, { group, meeting }, this.deps.timeZone);
  }

  /** Replaces the draft's text; every approval given lapses, since it was of another text. */
  edit(inv: Invocation, groupName: string, number: number, text: string): Promise<MinutesView & { cleared: number }> {
    return this.correct(inv, groupName, number, () => text);
  }

  /** Corrects one item's decision in the draft, by the number the minutes give it; approvals lapse as for any edit. */
  editItem(inv: Invocation, groupName: string, number: number, item: number, decision: string): Promise<MinutesView & { cleared: number }> {
    return this.correct(inv, groupName, number, (text) => withDecision(this.channel, text, item)(decision) ?? refuse("minutes.no-item", { number, item }));
  }

  private async correct(inv: Invocation, groupName: string, number: number, change: (text: string) => string): Promise<MinutesView & { cleared: number }> {
    const p = presentation(inv.locale, this.deps.timeZone);
    const result = await this.deps.uow.run(async (stores) => {
      const before = await findMinutes(stores, inv, groupName, number, this.deps.timeZone);
      await requireEditor(stores, inv, before.group, before.officials);
      requireDraft(before, p);
      const meeting = await stores.meetings.update(before.meeting.id, { minutes: change(before.text) });
      const cleared = await stores.minutes.clearApprovals(meeting.id);
      const view = await loadMinutes(stores, { group: before.group, meeting }, this.deps.timeZone);
      await auditMinutes(stores, this.deps.clock, inv, "minutes.edited", view, { cleared, before: before.hash, sha256: view.hash });
      await this.deps.announce(stores, view.group, "minutes.edited-post", { group: view.group.name, number, approved: 0, needed: view.needed });
      return { ...view, cleared };
    });
    return result;
  }

  /**
   * A checker approves the text whose SHA-256 they were shown; a text corrected since is refused,
   * so an approval always names exactly what was read. The last approval makes the minutes checked.
   */
  async approve(inv: Invocation, groupName: string, number: number, hash: string | undefined): Promise<MinutesView> {
    const p = presentation(inv.locale, this.deps.timeZone);
    const result = await this.deps.uow.run(async (stores) => {
      const view = await findMinutes(stores, inv, groupName, number, this.deps.timeZone);
      requireDraft(view, p);
      const checkers = officialsOf(view.officials, "checker");
      if (checkers.length === 0) refuse("minutes.no-checkers", { number, group: view.group.name });
      if (!checkers.some((c) => c.personId === inv.actor.person.id)) {
        refuse("minutes.not-checker", { number, names: checkers.map((c) => c.name).join(", ") });
      }
      if (hash !== undefined && hash !== view.hash) refuse("minutes.changed", { group: view.group.name, number });
      const now = this.deps.clock.now();
      await stores.minutes.approve({ meetingId: view.meeting.id, personId: inv.actor.person.id, sha256: view.hash, approvedAt: now });
      const approvals = await stores.minutes.approvals(view.meeting.id);
      const done = checkers.every((c) => approvals.some((a) => a.personId === c.personId && a.sha256 === view.hash));
      await auditMinutes(stores, this.deps.clock, inv, "minutes.approved", view, { approved: approvals.length, needed: view.needed, sha256: view.hash });
      if (done) {
        await stores.minutes.saveStatus({ ...view.status, state: "checked", checkedAt: now });
        await auditMinutes(stores, this.deps.clock, inv, "minutes.checked", view, { sha256: view.hash });
      }
      const after = await loadMinutes(stores, view, this.deps.timeZone);
      const approvedBy = after.approvals.find((a) => a.personId === inv.actor.person.id)?.name ?? inv.actor.person.displayName;
      await this.deps.announce(stores, view.group, "minutes.approved-post", { name: approvedBy, group: view.group.name, number, approved: after.approvals.length, needed: after.needed });
      if (done) await this.deps.post(stores, view.group, minutesStatePost(this.channel, after));
      return after;
    });
    return result;
  }

  /**
   * The other path of §31: the next meeting approves the minutes. Recorded as a decided item of the
   * meeting now open, so its own minutes say so.
   */
  async adopt(inv: Invocation, groupName: string, number: number): Promise<MinutesView> {
    const p = presentation(inv.locale, this.deps.timeZone);
    const result = await this.deps.uow.run(async (stores) => {
      const view = await findMinutes(stores, inv, groupName, number, this.deps.timeZone);
      await requireManager(stores, inv, view.group, "minutes adopt");
      requireDraft(view, p);
      const open = await stores.meetings.firstOpenExcept(view.group.id, view.meeting.id);
      if (!open) refuse("minutes.no-open-meeting", { group: view.group.name });
      const now = this.deps.clock.now();
      await stores.minutes.saveStatus({ ...view.status, state: "approved", approvedAtMeetingId: open.id, approvedAt: now });
      const channel = this.channel;
      await stores.meetings.addItem(
        newItem({
          meetingId: open.id,
          position: await stores.meetings.nextPosition(open.id),
          title: channel.t("minutes.adopt-item-title", { number: view.yearNumber }),
          decision: channel.t("minutes.adopt-item-decision", { number: view.yearNumber }),
          status: "accepted",
          createdAt: now,
        }),
      );
      const adopted = await loadMinutes(stores, view, this.deps.timeZone);
      const at = adopted.approvedAt ?? String(open.number);
      await auditMinutes(stores, this.deps.clock, inv, "minutes.adopted", view, { at, sha256: view.hash });
      await this.deps.announce(stores, view.group, "minutes.adopted-post", { group: view.group.name, number, at });
      return adopted;
    });
    return result;
  }
}

/**
 * Sends each checker the draft with the button that approves exactly it, by direct message through
 * the outbox of the unit of work that closes the meeting.
 */
export async function askCheckers(stores: Stores, deps: Pick<MeetingDeps, "clock" | "timeZone" | "channelLocale">, group: Group, meeting: Meeting): Promise<void> {
  const view = await loadMinutes(stores, { group, meeting }, deps.timeZone);
  for (const checker of officialsOf(view.officials, "checker")) {
    const person = checker.personId ? await stores.people.findById(checker.personId) : null;
    if (!person) continue;
    const p = presentation(person.locale ?? deps.channelLocale, deps.timeZone);
    await postToPerson(stores, deps.clock, person.externalId, minutesApprovalRequest(p, view));
  }
}
