import { typedName } from "../shared/words.ts";
import { distance } from "fastest-levenshtein";
import type { MessageKey } from "../../i18n/catalogues.ts";
import type { Locale } from "../../i18n/locale.ts";
import { msg } from "../../i18n/translate.ts";
import { recordChange } from "../audit/record.ts";
import type { Person } from "../people/person.ts";
import type { ChatPort } from "../shared/chat.ts";
import type { Clock } from "../shared/clock.ts";
import type { Invocation } from "../shared/invocation.ts";
import type { Logger } from "../shared/logger.ts";
import { readPage, type Page } from "../shared/page.ts";
import { refuse } from "../shared/refusal.ts";
import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";
import type { Announcer } from "./announce.ts";
import { checkChosenName } from "../people/names.ts";
import { groupNameKey, officerRoles, type Group, type MemberView, type Membership, type Role } from "./group.ts";
import { readGroupRules, ruleChoices, ruleExample, ruleValue, ruleValueMessage, type GroupRuleName } from "./rules.ts";
import { canHaveDeputy, isArchived, mayGiveChair, mayManage, wouldLeaveNoChair } from "./permissions.ts";
import { MembershipRequestService } from "./membership-requests.ts";

export interface GroupServiceDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly announce: Announcer;
  /** For creating a group's channel on the platform; the rest of the service never posts itself. */
  readonly chat: ChatPort;
  /** The language of channel posts; a direct message uses its reader's own. */
  readonly channelLocale: Locale;
  /** The council's time zone, for the times in what the service writes. */
  readonly timeZone: string;
  readonly logger: Logger;
}

/** What `group join` did: made a member (joining open) or left a request for the officers. */
export type JoinOutcome = { readonly group: Group; readonly requested: boolean };

const groupSubject = (group: Group) => ({ type: "group", id: group.id, groupId: group.id });
export const memberSubject = (group: Group, person: Person) => ({ type: "person", id: person.id, groupId: group.id });

/** Working groups, their members, deputies and roles. Every change is audited in its transaction. */
export class GroupService {
  readonly requests: MembershipRequestService;

  constructor(private readonly deps: GroupServiceDeps) {
    this.requests = new MembershipRequestService(deps);
  }

  async create(inv: Invocation, rawName: string): Promise<Group> {
    const name = chosenGroupName(rawName);
    const group = await this.deps.uow.run(async (stores) => {
      await requireFreeName(stores, inv.workspaceId, name, null);
      const created = await stores.groups.create({ workspaceId: inv.workspaceId, name });
      await stores.groups.addMember({ groupId: created.id, personId: inv.actor.person.id, role: "chair" });
      await recordChange(stores, this.deps.clock, inv, "group.created", groupSubject(created), {
        after: { name: created.name, chair: inv.actor.person.displayName },
      });
      return created;
    });
    return group;
  }

  /** Names to offer for a group being typed (Discord's autocomplete), without reading every group. */
  async namesMatching(inv: Invocation, typed: string, limit: number): Promise<string[]> {
    return (await this.deps.uow.read.groups.matching(inv.workspaceId, groupNameKey(typed), limit)).map((g) => g.name);
  }

  /**
   * How many of a line's first words, two or more, are the name of a group of the workspace (the
   * longest such), and a shorter group name they begin with, if any: `Youth work` when `Youth` is a
   * group too. 0: none. What the words after the name mean is the command's.
   */
  async nameAtStart(inv: Invocation, words: readonly string[]): Promise<{ readonly words: number; readonly shorter: string | null }> {
    const groups = this.deps.uow.read.groups;
    let longest = 0;
    for (let count = Math.min(words.length, maxNameWords); count >= 2 && longest === 0; count -= 1) {
      if (await groups.findByName(inv.workspaceId, words.slice(0, count).join(" "))) longest = count;
    }
    if (longest === 0) return { words: 0, shorter: null };
    for (let count = 1; count < longest; count += 1) {
      const shorter = await groups.findByName(inv.workspaceId, words.slice(0, count).join(" "));
      if (shorter) return { words: longest, shorter: shorter.name };
    }
    return { words: longest, shorter: null };
  }

  /** A page of the workspace's groups by name. */
  list(inv: Invocation, includeArchived = false, page = 1): Promise<Page<Group>> {
    const stores = this.deps.uow.read;
    const options = { includeArchived };
    return readPage(page, () => stores.groups.count(inv.workspaceId, options), (window) => stores.groups.list(inv.workspaceId, { ...options, window }));
  }

  listMine(inv: Invocation): Promise<Group[]> {
    return this.deps.uow.read.groups.listForPerson(inv.actor.person.id);
  }

  async info(inv: Invocation, groupName: string): Promise<{ group: Group; members: MemberView[] }> {
    const group = await findGroup(this.deps.uow.read, inv, groupName);
    return { group, members: await this.deps.uow.read.groups.members(group.id) };
  }

  async rename(inv: Invocation, groupName: string, rawName: string): Promise<Group> {
    const newName = chosenGroupName(rawName);
    const renamed = await this.deps.uow.run(async (stores) => {
      const group = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, group, "rename");
      await requireFreeName(stores, inv.workspaceId, newName, group.id);
      const updated = await stores.groups.update(group.id, { name: newName });
      await recordChange(stores, this.deps.clock, inv, "group.renamed", groupSubject(group), {
        before: { name: group.name },
        after: { name: updated.name },
      });
      await this.deps.announce(stores, updated, "announce.group.renamed", { old: groupName, name: updated.name });
      return updated;
    });
    return renamed;
  }

  /**
   * Refuses, as the change itself would, someone who may not run the group: commands that ask for
   * confirmation check this first, so nobody confirms a step only to be told they may not take it.
   */
  async requireManagerOf(inv: Invocation, groupName: string, action: string): Promise<void> {
    const stores = this.deps.uow.read;
    await requireManager(stores, inv, await findActiveGroup(stores, inv, groupName), action);
  }

  async archive(inv: Invocation, groupName: string): Promise<Group> {
    const archived = await this.deps.uow.run(async (stores) => {
      const group = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, group, "archive");
      const updated = await stores.groups.update(group.id, { archivedAt: this.deps.clock.now() });
      await recordChange(stores, this.deps.clock, inv, "group.archived", groupSubject(group), {
        before: { archived: false },
        after: { archived: true },
      });
      await this.deps.announce(stores, updated, "announce.group.archived", { name: updated.name });
      return updated;
    });
    return archived;
  }

  /** Changes one of the group's rules (see rules.ts); the change is audited and announced. */
  async setRule(inv: Invocation, groupName: string, rule: GroupRuleName, value: string): Promise<Group> {
    const chosen = ruleValue(rule, value);
    if (chosen === null) refuse("group.rule-value-invalid", { rule, value, allowed: ruleChoices(rule), group: groupName, example: ruleExample(rule) });
    const changed = await this.deps.uow.run(async (stores) => {
      const group = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, group, "rules");
      const before = group.rules[rule];
      if (rule === "deputies-vote" && chosen !== before) await requireNoVoteOpen(stores, group);
      const updated = await stores.groups.update(group.id, { rules: readGroupRules({ ...group.rules, [rule]: chosen }) });
      await recordChange(stores, this.deps.clock, inv, "group.rule-changed", groupSubject(group), {
        before: { rule, value: before },
        after: { rule, value: chosen },
      });
      await this.deps.announce(stores, updated, "announce.group.rule-changed", { group: updated.name, rule: msg(`rules.${rule}.name`), value: ruleValueMessage(rule, chosen) });
      return updated;
    });
    return changed;
  }

  /** Links the channel; `sharedWith` names the other groups already posting there (a few, by name), for the asker to know. */
  async linkChannel(inv: Invocation, groupName: string, channelId: string): Promise<{ group: Group; sharedWith: string[] }> {
    const linked = await this.deps.uow.run(async (stores) => {
      const group = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, group, "link-channel");
      const sharedWith = (await stores.groups.sharingChannel(group.workspaceId, channelId, group.id, 4)).map((g) => g.name);
      const updated = await stores.groups.update(group.id, { channelId });
      await recordChange(stores, this.deps.clock, inv, "group.channel-linked", groupSubject(group), {
        before: { channel: group.channelId },
        after: { channel: channelId },
      });
      await this.deps.announce(stores, updated, "announce.group.channel-linked", { name: updated.name });
      return { group: updated, sharedWith };
    });
    return linked;
  }

  /**
   * Creates a channel for the group on the platform, invites its members, and links it. The
   * platform call comes after the permission check and before the link, so a refusal creates
   * nothing; a platform without channel creation says to link an existing channel instead.
   */
  async createChannel(inv: Invocation, groupName: string): Promise<Group> {
    const create = this.deps.chat.createChannel?.bind(this.deps.chat);
    if (!create) refuse("channel.create-unsupported");
    const { group, invitees } = await this.deps.uow.run(async (stores) => {
      const found = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, found, "create-channel");
      const people = await Promise.all((await stores.groups.members(found.id)).map((m) => stores.people.findById(m.personId)));
      return { group: found, invitees: people.flatMap((p) => (p ? [p.externalId] : [])) };
    });
    const channelId = await create(group.name, invitees);
    return (await this.linkChannel(inv, group.name, channelId)).group;
  }

  /**
   * Joins at once where the group's joining rule is open; otherwise records a request that an
   * officer accepts or declines (membership-requests.ts), so nobody changes the quorum or a voter
   * roll by themselves.
   */
  async join(inv: Invocation, groupName: string): Promise<JoinOutcome> {
    const me = inv.actor.person;
    if ((await findActiveGroup(this.deps.uow.read, inv, groupName)).rules.joining !== "open") {
      return { group: await this.requests.file(inv, groupName), requested: true };
    }
    const group = await this.deps.uow.run(async (stores) => {
      const found = await findActiveGroup(stores, inv, groupName);
      if (await stores.groups.membership(found.id, me.id)) refuse("group.already-member", { group: found.name });
      // A request left from when joining needed approval is answered by joining: no officer declines a member.
      await stores.groups.removeRequest(found.id, me.id);
      await stores.groups.addMember({ groupId: found.id, personId: me.id, role: "member" });
      await recordChange(stores, this.deps.clock, inv, "member.joined", memberSubject(found, me), {
        after: { person: me.displayName, role: "member" },
      });
      await this.deps.announce(stores, found, "announce.member.joined", { person: me.displayName, group: found.name });
      return found;
    });
    return { group, requested: false };
  }

  /** The person leaves the group; one who only asked to join withdraws the request instead. */
  async leave(inv: Invocation, groupName: string): Promise<{ group: Group; left: "group" | "request" }> {
    const me = inv.actor.person;
    return this.deps.uow.run(async (stores) => {
      const found = await findActiveGroup(stores, inv, groupName);
      const isMember = (await stores.groups.membership(found.id, me.id)) !== null;
      if (!isMember && (await stores.groups.removeRequest(found.id, me.id))) {
        await recordChange(stores, this.deps.clock, inv, "member.request-withdrawn", memberSubject(found, me), { before: { person: me.displayName } });
        return { group: found, left: "request" as const };
      }
      await this.removeFromGroup(stores, inv, found, me, "member.left");
      await this.deps.announce(stores, found, "announce.member.left", { person: me.displayName, group: found.name });
      return { group: found, left: "group" as const };
    });
  }

  async add(inv: Invocation, groupName: string, person: Person, role: Role): Promise<Group> {
    const group = await this.deps.uow.run(async (stores) => {
      const found = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, found, "add");
      if (role === "chair") await requireChairGiver(stores, inv, found, "add");
      if (await stores.groups.membership(found.id, person.id)) {
        refuse("group.person-already-member", { person: person.displayName, group: found.name });
      }
      // Adding someone answers their pending request too.
      await stores.groups.removeRequest(found.id, person.id);
      await stores.groups.addMember({ groupId: found.id, personId: person.id, role });
      await recordChange(stores, this.deps.clock, inv, "member.added", memberSubject(found, person), {
        after: { person: person.displayName, role },
      });
      await this.deps.announce(stores, found, "announce.member.added", {
        person: person.displayName,
        group: found.name,
        role: msg(`role.${role}`),
      });
      return found;
    });
    return group;
  }

  async remove(inv: Invocation, groupName: string, person: Person): Promise<Group> {
    const group = await this.deps.uow.run(async (stores) => {
      const found = await findActiveGroup(stores, inv, groupName);
      if (person.id !== inv.actor.person.id) {
        await requireManager(stores, inv, found, "remove");
        // Removing and re-adding would otherwise release the chair's personal deputy behind the chair's back.
        const target = await stores.groups.membership(found.id, person.id);
        if (target && (target.role === "chair" || (await standsForChair(stores, found, target)))) await requireChairGiver(stores, inv, found, "remove");
      }
      await this.removeFromGroup(stores, inv, found, person, "member.removed");
      await this.deps.announce(stores, found, "announce.member.removed", { person: person.displayName, group: found.name });
      return found;
    });
    return group;
  }

  async setRole(inv: Invocation, groupName: string, person: Person, role: Role): Promise<Group> {
    const group = await this.deps.uow.run(async (stores) => {
      const found = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, found, "role");
      await stores.groups.lock(found.id);
      const membership = await requireMembership(stores, found, person);
      if (role === "chair" || membership.role === "chair" || (role !== "deputy" && (await standsForChair(stores, found, membership)))) {
        await requireChairGiver(stores, inv, found, "role");
      }
      if (membership.role === role) refuse("group.role-unchanged", { person: person.displayName, role: msg(`role.${role}`) });
      if (role !== "chair" && wouldLeaveNoChair(await stores.groups.members(found.id), person.id)) {
        refuse("group.last-chair", { person: person.displayName, group: found.name });
      }
      // A deputy who becomes something else no longer stands in for anyone.
      const deputyOfId = role === "deputy" ? membership.deputyOfId : null;
      await stores.groups.updateMember(found.id, person.id, { role, deputyOfId });
      await recordChange(stores, this.deps.clock, inv, "member.role-changed", memberSubject(found, person), {
        before: { person: person.displayName, role: membership.role },
        after: { person: person.displayName, role },
      });
      await this.deps.announce(stores, found, "announce.member.role-changed", {
        person: person.displayName,
        group: found.name,
        role: msg(`role.${role}`),
      });
      return found;
    });
    return group;
  }

  async setDeputy(inv: Invocation, groupName: string, deputy: Person, member: Person): Promise<Group> {
    const group = await this.deps.uow.run(async (stores) => {
      const found = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, found, "deputy");
      const deputyMembership = await requireMembership(stores, found, deputy);
      const memberMembership = await requireMembership(stores, found, member);
      if (deputyMembership.role !== "deputy") {
        refuse("group.not-a-deputy", { person: deputy.displayName, group: found.name });
      }
      if (!canHaveDeputy(memberMembership.role)) {
        refuse("group.cannot-have-deputy", { person: member.displayName, role: msg(`role.${memberMembership.role}`) });
      }
      // Whoever stands in for the chair is the chair's (or an admin's) choice, not another officer's.
      if (memberMembership.role === "chair" || (await standsForChair(stores, found, deputyMembership))) {
        await requireChairGiver(stores, inv, found, "deputy");
      }
      // A member has one personal deputy: naming a new one releases the previous one.
      const members = await stores.groups.members(found.id);
      const previous = members.find((m) => m.deputyOfId === member.id && m.personId !== deputy.id);
      if (previous) await stores.groups.updateMember(found.id, previous.personId, { deputyOfId: null });
      await stores.groups.updateMember(found.id, deputy.id, { deputyOfId: member.id });
      await recordChange(stores, this.deps.clock, inv, "member.deputy-set", memberSubject(found, deputy), {
        before: { deputy: previous?.displayName ?? null, member: member.displayName },
        after: { deputy: deputy.displayName, member: member.displayName },
      });
      await this.deps.announce(stores, found, "announce.member.deputy-set", {
        deputy: deputy.displayName,
        member: member.displayName,
        group: found.name,
      });
      return found;
    });
    return group;
  }

  async members(inv: Invocation, groupName: string): Promise<{ group: Group; members: MemberView[] }> {
    return this.info(inv, groupName);
  }

  /** The group's audit log, newest first, `size` events a page. */
  async history(inv: Invocation, groupName: string, size: number, page = 1) {
    const stores = this.deps.uow.read;
    const group = await findGroup(stores, inv, groupName);
    const events = await readPage(page, () => stores.audit.countForGroup(group.id), (w) => stores.audit.forGroup(group.id, w.limit, w.offset), size);
    return { group, events };
  }

  private async removeFromGroup(
    stores: Stores,
    inv: Invocation,
    group: Group,
    person: Person,
    action: "member.left" | "member.removed",
  ): Promise<void> {
    await stores.groups.lock(group.id);
    const membership = await requireMembership(stores, group, person);
    const members = await stores.groups.members(group.id);
    if (wouldLeaveNoChair(members, person.id)) refuse("group.last-chair", { person: person.displayName, group: group.name });
    // Their personal deputy stays in the group but no longer stands in for anyone.
    for (const m of members.filter((m) => m.deputyOfId === person.id)) {
      await stores.groups.updateMember(group.id, m.personId, { deputyOfId: null });
    }
    await stores.groups.removeMember(group.id, person.id);
    await recordChange(stores, this.deps.clock, inv, action, memberSubject(group, person), {
      before: { person: person.displayName, role: membership.role },
    });
  }
}

export async function findGroup(stores: Stores, inv: Invocation, name: string): Promise<Group> {
  const group = await stores.groups.findByName(inv.workspaceId, name);
  if (group) return group;
  const near = await namesNear(stores, inv.workspaceId, name);
  if (near.length > 0) refuse("group.not-found-near", { name, suggestions: near.map((n) => `"${n}"`).join(", ") });
  refuse("group.not-found", { name });
}

/**
 * Groups whose name is a slip away from one typed (`Comunications`): a letter or two off, among
 * those that begin as it does. Read only when no group has the name, to say what was meant.
 */
async function namesNear(stores: Stores, workspaceId: string, typed: string): Promise<string[]> {
  const key = groupNameKey(typed);
  if (key.length < 3) return [];
  const candidates = await stores.groups.matching(workspaceId, key.slice(0, 2), 50);
  const allowed = key.length < 6 ? 1 : 2;
  return candidates
    .map((g) => ({ name: g.name, off: distance(groupNameKey(g.name), key) }))
    .filter((c) => c.off <= allowed)
    .sort((a, b) => a.off - b.off)
    .slice(0, 3)
    .map((c) => c.name);
}

export async function findActiveGroup(stores: Stores, inv: Invocation, name: string): Promise<Group> {
  const group = await findGroup(stores, inv, name);
  if (isArchived(group)) refuse("group.archived", { name: group.name });
  return group;
}

/** The most words a group name typed without quotes is looked for in. */
const maxNameWords = 6;

/** A group name as typed: refused when it hides characters; NFC, spacing tidied. */
function chosenGroupName(raw: string): string {
  const checked = checkChosenName(raw);
  if (!checked.ok && checked.reason === "empty") refuse("group.name-required");
  if (!checked.ok) refuse("group.name-hidden-characters", { characters: checked.characters });
  return checked.name;
}

/** No other group of the workspace, archived ones included, has this name or one that looks like it. */
async function requireFreeName(stores: Stores, workspaceId: string, name: string, exceptId: string | null): Promise<void> {
  const existing = await stores.groups.findByName(workspaceId, name);
  if (existing && existing.id !== exceptId) refuse(existing.archivedAt ? "group.name-taken-archived" : "group.name-taken", { name: existing.name });
  const alike = await stores.groups.findConfusable(workspaceId, name, exceptId);
  if (alike) refuse("group.name-confusable", { given: name, name: alike.name });
}

/** True when `membership` is a chair's personal deputy: releasing them is the chair's choice too. */
async function standsForChair(stores: Stores, group: Group, membership: Pick<Membership, "deputyOfId">): Promise<boolean> {
  if (!membership.deputyOfId) return false;
  return (await stores.groups.membership(group.id, membership.deputyOfId))?.role === "chair";
}

/** Refuses anyone but a chair or workspace admin giving or taking the chair, and names who may. */
async function requireChairGiver(stores: Stores, inv: Invocation, group: Group, action: string): Promise<void> {
  const membership = await stores.groups.membership(group.id, inv.actor.person.id);
  if (mayGiveChair(inv.actor, membership)) return;
  const chairs = (await stores.groups.members(group.id)).filter((m) => m.role === "chair");
  refuse("group.chair-only", { action, group: group.name, chairs: chairs.map((c) => c.displayName).join(", ") || "—" });
}

async function requireMembership(stores: Stores, group: Group, person: Person) {
  const membership = await stores.groups.membership(group.id, person.id);
  if (!membership) refuse("group.not-member", { person: person.displayName, group: group.name });
  return membership;
}

/** Refuses anyone but an officer or workspace admin, and names who may act instead. */
export async function requireManager(stores: Stores, inv: Invocation, group: Group, action: string): Promise<void> {
  const membership = await stores.groups.membership(group.id, inv.actor.person.id);
  if (mayManage(inv.actor, membership)) return;
  const officers = (await stores.groups.members(group.id)).filter((m) => officerRoles.includes(m.role));
  refuse("group.officers-only", {
    action,
    group: group.name,
    officers: officers.map((o) => o.displayName).join(", ") || "—",
  });
}

/**
 * Who may vote in an election or a decision is fixed when its voting opens ("the voter roll will be
 * fixed"); the deputies' rule, read at each ballot, waits until the group has no vote open.
 */
async function requireNoVoteOpen(stores: Stores, group: Group): Promise<void> {
  const election = await stores.elections.votingInGroup(group.id);
  if (election) refuse("group.rule-locked-by-election", { title: election.title, id: election.id });
  const decision = await stores.decisions.openInGroup(group.id);
  if (decision) refuse("group.rule-locked-by-decision", { number: decision.number, group: typedName(group.name) });
}
