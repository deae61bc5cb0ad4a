import { recordChange } from "../audit/record.ts";
import type { Group } from "../groups/group.ts";
import { findActiveGroup, findGroup, requireManager } from "../groups/service.ts";
import { isOfficer } from "../groups/permissions.ts";
import { actionItemNudges, cancelForEvent, scheduleForEvent } from "../reminders/events.ts";
import type { Person } from "../people/person.ts";
import type { Invocation } from "../shared/invocation.ts";
import { readPage, type Page } from "../shared/page.ts";
import { refuse } from "../shared/refusal.ts";
import type { MeetingDeps } from "./deps.ts";
import type { ActionItem } from "./meeting.ts";

export interface ActionView extends ActionItem {
  readonly ownerName: string;
  readonly groupName: string;
}

/** The event its owner's nudge is tied to: it goes when the item is done. */
const actionEventKey = (action: ActionItem) => `action:${action.id}`;

/** Action items: who does what by when, numbered per group; recorded by officers, done by their owner. */
export class ActionService {
  constructor(private readonly deps: MeetingDeps) {}

  async add(inv: Invocation, groupName: string, owner: Person, dueDate: Date, text: string): Promise<{ group: Group; action: ActionItem }> {
    if (dueDate.getTime() < this.deps.clock.now().getTime()) refuse("action.due-in-past");
    return this.deps.uow.run(async (stores) => {
      const group = await findActiveGroup(stores, inv, groupName);
      await requireManager(stores, inv, group, "action add");
      if (!(await stores.groups.membership(group.id, owner.id))) refuse("group.not-member", { person: owner.displayName, group: group.name });
      const current = await stores.meetings.current(group.id);
      const meetingId = current?.status === "open" ? current.id : null;
      const action = await stores.meetings.addAction({ groupId: group.id, meetingId, text, ownerId: owner.id, dueDate, createdAt: this.deps.clock.now() });
      await recordChange(stores, this.deps.clock, inv, "action.added", { type: "action", id: action.id, groupId: group.id }, {
        after: { number: action.number, text, owner: owner.displayName },
      });
      const { timeZone, clock } = this.deps;
      await scheduleForEvent(stores, clock, {
        eventKey: actionEventKey(action),
        workspaceId: inv.workspaceId,
        groupId: group.id,
        timeZone,
        reminders: actionItemNudges({ ownerId: owner.id, text, dueDate, timeZone, now: clock.now() }),
      });
      return { group, action };
    });
  }

  async done(inv: Invocation, groupName: string, number: number): Promise<{ group: Group; action: ActionItem }> {
    return this.deps.uow.run(async (stores) => {
      const group = await findActiveGroup(stores, inv, groupName);
      const action = await stores.meetings.findAction(group.id, number);
      if (!action) refuse("action.not-found", { number, group: group.name });
      const membership = await stores.groups.membership(group.id, inv.actor.person.id);
      if (action.ownerId !== inv.actor.person.id && !isOfficer(membership) && !inv.actor.isWorkspaceAdmin) {
        refuse("action.owner-only", { number });
      }
      if (action.doneAt) refuse("action.already-done", { number });
      const updated = await stores.meetings.updateAction(action.id, { doneAt: this.deps.clock.now() });
      await recordChange(stores, this.deps.clock, inv, "action.done", { type: "action", id: action.id, groupId: group.id }, {
        after: { number, text: action.text },
      });
      await cancelForEvent(stores, actionEventKey(action));
      return { group, action: updated };
    });
  }

  /** A page of my open action items across groups, or of one group's items; earliest due first. */
  async list(inv: Invocation, groupName?: string, page = 1): Promise<Page<ActionView>> {
    const stores = this.deps.uow.read;
    const group = groupName ? await findGroup(stores, inv, groupName) : null;
    const person = inv.actor.person.id;
    const found = group
      ? await readPage(page, () => stores.meetings.countActionsOfGroup(group.id), (w) => stores.meetings.actionsOfGroupByDue(group.id, w))
      : await readPage(page, () => stores.meetings.countOpenActionsOfPerson(person), (w) => stores.meetings.openActionsOfPerson(person, w));
    const views: ActionView[] = [];
    for (const action of found.items) {
      const owner = await stores.people.findById(action.ownerId);
      const ownerGroup = group ?? (await stores.groups.findById(action.groupId));
      views.push({ ...action, ownerName: owner?.displayName ?? "—", groupName: ownerGroup?.name ?? "—" });
    }
    return { ...found, items: views };
  }
}
