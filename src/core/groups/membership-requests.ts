import { presentation, type Presentation } from "../../i18n/presentation.ts";
import type { Reply } from "../../render/reply.ts";
import { recordChange } from "../audit/record.ts";
import { postToChannel, postToPerson } from "../outbox/post.ts";
import type { Person } from "../people/person.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { officerRoles, type Group } from "./group.ts";
import { acceptedNotice, declinedNotice, requestNotice } from "./replies.ts";
import type { RequestView } from "./request.ts";
import { findActiveGroup, memberSubject, requireManager, type GroupServiceDeps } from "./service.ts";

/**
 * Joining a group whose joining rule is `approval`: the request is stored, the officers are told
 * (direct messages, and the group's channel) with Accept and Decline buttons, and an officer or a
 * workspace admin answers it. Until then the requester changes no quorum and no voter roll.
 */
export class MembershipRequestService {
  constructor(private readonly deps: GroupServiceDeps) {}

  /** Records the actor's request and tells the officers; returns the group. */
  async file(inv: Invocation, groupName: string): Promise<Group> {
    const me = inv.actor.person;
    return this.deps.uow.run(async (stores) => {
      const found = await findActiveGroup(stores, inv, groupName);
      if (await stores.groups.membership(found.id, me.id)) refuse("group.already-member", { group: found.name });
      if (await stores.groups.request(found.id, me.id)) refuse("group.request-pending", { group: found.name });
      await stores.groups.addRequest({ groupId: found.id, personId: me.id, requestedAt: this.deps.clock.now() });
      await recordChange(stores, this.deps.clock, inv, "member.requested", memberSubject(found, me), {
        after: { person: me.displayName },
      });
      const officerRows = (await stores.groups.members(found.id)).filter((m) => officerRoles.includes(m.role));
      const people = await Promise.all(officerRows.map((o) => stores.people.findById(o.personId)));
      const requester = { displayName: me.displayName, externalId: me.externalId };
      for (const officer of people.flatMap((p) => (p ? [p] : []))) {
        await this.tell(stores, officer, (p) => requestNotice(p, found, requester, "direct"));
      }
      if (found.channelId) {
        await postToChannel(stores, this.deps.clock, found.channelId, requestNotice(presentation(this.deps.channelLocale, this.deps.timeZone), found, requester, "channel"));
      }
      return found;
    });
  }

  /** The pending requests; officers and workspace admins only. */
  async list(inv: Invocation, groupName: string): Promise<{ group: Group; requests: RequestView[] }> {
    const stores = this.deps.uow.read;
    const group = await findActiveGroup(stores, inv, groupName);
    await requireManager(stores, inv, group, "requests");
    return { group, requests: await stores.groups.requests(group.id) };
  }

  /** Somebody by the platform id a button carries; null when nobody has it. */
  personByPlatformId(externalId: string): Promise<Person | null> {
    return this.deps.uow.read.people.findByExternalId(externalId);
  }

  /** Makes a requester a member; audited, announced as a join, and the requester is told. */
  async accept(inv: Invocation, groupName: string, person: Person): Promise<Group> {
    const group = await this.deps.uow.run(async (stores) => {
      const found = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, found, "accept");
      await answerRequest(stores, found, person);
      if (await stores.groups.membership(found.id, person.id)) {
        refuse("group.person-already-member", { person: person.displayName, group: found.name });
      }
      await stores.groups.addMember({ groupId: found.id, personId: person.id, role: "member" });
      await recordChange(stores, this.deps.clock, inv, "member.accepted", memberSubject(found, person), {
        after: { person: person.displayName, role: "member" },
      });
      await this.deps.announce(stores, found, "announce.member.joined", { person: person.displayName, group: found.name });
      await this.tell(stores, person, (p) => acceptedNotice(p, found));
      return found;
    });
    return group;
  }

  /** Removes a request without making a member; audited, and the requester is told. */
  async decline(inv: Invocation, groupName: string, person: Person): Promise<Group> {
    const group = await this.deps.uow.run(async (stores) => {
      const found = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, found, "decline");
      if (await stores.groups.membership(found.id, person.id)) {
        refuse("group.person-already-member", { person: person.displayName, group: found.name });
      }
      await answerRequest(stores, found, person);
      await recordChange(stores, this.deps.clock, inv, "member.declined", memberSubject(found, person), {
        before: { person: person.displayName },
      });
      await this.tell(stores, person, (p) => declinedNotice(p, found));
      return found;
    });
    return group;
  }

  /** A direct message in its reader's language, written to the outbox with the change (announce.ts). */
  private async tell(stores: Stores, person: Person, build: (p: Presentation) => Reply): Promise<void> {
    const p = presentation(person.locale ?? this.deps.channelLocale, this.deps.timeZone);
    await postToPerson(stores, this.deps.clock, person.externalId, build(p));
  }
}

/** Takes the request away, or refuses when there is none (two officers answering at once: one wins). */
async function answerRequest(stores: Stores, group: Group, person: Person): Promise<void> {
  if (!(await stores.groups.removeRequest(group.id, person.id))) refuse("group.no-request", { person: person.displayName, group: group.name });
}
