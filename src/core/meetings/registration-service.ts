import { recordChange } from "../audit/record.ts";
import { requireManager } from "../groups/service.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { findMeeting, meetingSubject, type MeetingRef } from "./access.ts";
import type { MeetingDeps } from "./deps.ts";
import type { AttendanceMode, Registration } from "./meeting.ts";
import { registrationDeadline } from "./registration.ts";

export interface RegistrationView extends MeetingRef {
  readonly person: string;
  readonly mode: AttendanceMode;
  readonly deadline: Date;
  readonly registered: readonly Registration[];
}

/**
 * Registration for a meeting (§24: the rules may ask members to register by a set day). A member
 * registers themselves; an officer may register a member who asked by e-mail or phone. Nobody
 * registers after the deadline, officers included: the deadline is the rule.
 */
export class RegistrationService {
  constructor(private readonly deps: Pick<MeetingDeps, "uow" | "clock">) {}

  async register(inv: Invocation, groupName: string, personId: string, mode: AttendanceMode): Promise<RegistrationView> {
    return this.deps.uow.run(async (stores) => {
      const { group, meeting, deadline, person } = await this.open(stores, inv, groupName, personId, "meeting register");
      if (mode === "remote" && group.rules.remote === "no") refuse("meeting.remote-not-allowed", { group: group.name });
      await stores.meetings.register({ meetingId: meeting.id, personId, mode, registeredAt: this.deps.clock.now(), registeredById: inv.actor.person.id });
      await recordChange(stores, this.deps.clock, inv, "meeting.registered", meetingSubject(meeting), { after: { number: meeting.number, person, mode } });
      return { group, meeting, person, mode, deadline, registered: await stores.meetings.registrations(meeting.id) };
    });
  }

  async unregister(inv: Invocation, groupName: string, personId: string): Promise<RegistrationView> {
    return this.deps.uow.run(async (stores) => {
      const { group, meeting, deadline, person } = await this.open(stores, inv, groupName, personId, "meeting unregister");
      const was = (await stores.meetings.registrations(meeting.id)).find((r) => r.personId === personId);
      if (!was || !(await stores.meetings.unregister(meeting.id, personId))) refuse("meeting.not-registered-yet", { person, number: meeting.number });
      await recordChange(stores, this.deps.clock, inv, "meeting.unregistered", meetingSubject(meeting), { before: { number: meeting.number, person, mode: was.mode } });
      return { group, meeting, person, mode: was.mode, deadline, registered: await stores.meetings.registrations(meeting.id) };
    });
  }

  /** The group's next meeting, while its registration is open, and the person as a member of the group. */
  private async open(stores: Stores, inv: Invocation, groupName: string, personId: string, action: string) {
    const { group, meeting } = await findMeeting(stores, inv, groupName);
    if (personId !== inv.actor.person.id) await requireManager(stores, inv, group, action);
    const member = (await stores.groups.members(group.id)).find((m) => m.personId === personId);
    if (!member) refuse("group.not-member", { person: (await stores.people.findById(personId))?.displayName ?? "?", group: group.name });
    const deadline = registrationDeadline(group.rules, meeting);
    if (!deadline) refuse("meeting.registration-not-asked", { group: group.name });
    if (meeting.status !== "scheduled" || this.deps.clock.now().getTime() > deadline.getTime()) {
      refuse("meeting.registration-closed", { group: group.name, number: meeting.number, days: group.rules["registration"] });
    }
    return { group, meeting, deadline, person: member.displayName };
  }
}
