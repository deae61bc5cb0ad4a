import { z } from "zod";
import { done } from "../done.ts";
import { flag, groupName, personRef } from "../args.ts";
import { defineCommand } from "../define.ts";
import { showTime } from "../../core/shared/show-time.ts";

/** A member registers for the group's next meeting (or an officer registers them), where the rules ask it. */
export const meetingRegister = defineCommand({
  path: ["meeting", "register"],
  args: () => z.object({ group: groupName(), person: personRef().optional(), remote: flag() }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    const person = args.person ? await services.people.resolve(directory, args.person) : inv.actor.person;
    const view = await services.registrations.register(inv, args.group, person.id, args.remote ? "remote" : "present");
    return done(p, "meetings.registered", {
      person: view.person,
      group: view.group.name,
      number: view.meeting.number,
      mode: p.t(`meetings.mode.${view.mode}`),
      deadline: showTime(p, "weekdayDateTime", view.deadline),
      count: view.registered.length,
    });
  },
});

export const meetingUnregister = defineCommand({
  path: ["meeting", "unregister"],
  args: () => z.object({ group: groupName(), person: personRef().optional() }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    const person = args.person ? await services.people.resolve(directory, args.person) : inv.actor.person;
    const view = await services.registrations.unregister(inv, args.group, person.id);
    return done(p, "meetings.unregistered", {
      person: view.person,
      group: view.group.name,
      number: view.meeting.number,
      deadline: showTime(p, "weekdayDateTime", view.deadline),
    });
  },
});
