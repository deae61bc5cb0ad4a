import { consoleWorkspace } from "../../adapters/console/directory.ts";
import type { NewReminder } from "../../src/core/reminders/reminder.ts";

/** A plain one-off reminder to a group's channel, as `remind add <group> <when> <text>` writes it. */
export const oneOffReminder = (groupId: string, text: string, nextDueAt: Date): NewReminder => ({
  workspaceId: consoleWorkspace,
  groupId,
  text,
  messageKey: null,
  params: {},
  cron: null,
  timeZone: "Europe/Helsinki",
  eventKey: null,
  audience: null,
  nextDueAt,
  pausedAt: null,
  createdById: null,
});
