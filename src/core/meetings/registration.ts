import type { Group } from "../groups/group.ts";
import type { GroupRules } from "../groups/rules.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { Meeting } from "./meeting.ts";

const day = 86_400_000;

/** When registration for the meeting closes under the group's rules, or null when none is asked. */
export function registrationDeadline(rules: GroupRules, meeting: Pick<Meeting, "startsAt">): Date | null {
  const days = rules["registration"];
  return days > 0 ? new Date(meeting.startsAt.getTime() - days * day) : null;
}

/**
 * Where the rules ask members to register, only those registered take part. A deputy standing in
 * for a member counts as registered when either of them is: the member may register and then send
 * their deputy, as members do when they fall ill.
 */
export async function requireRegistered(stores: Stores, group: Group, meeting: Meeting, personId: string, forMemberId: string | null): Promise<void> {
  const deadline = registrationDeadline(group.rules, meeting);
  if (!deadline) return;
  const registered = new Set((await stores.meetings.registrations(meeting.id)).map((r) => r.personId));
  if (registered.has(personId) || (forMemberId !== null && registered.has(forMemberId))) return;
  const person = (await stores.people.findById(personId))?.displayName ?? "?";
  refuse("meeting.not-registered", { person, group: group.name, number: meeting.number, days: group.rules["registration"] });
}
