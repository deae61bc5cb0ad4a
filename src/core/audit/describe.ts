import type { Presentation } from "../../i18n/presentation.ts";
import { msg, type MessageParam } from "../../i18n/translate.ts";
import { timetablePhaseSchema } from "../elections/election.ts";
import { roleSchema } from "../groups/group.ts";
import { showTime } from "../shared/show-time.ts";
import type { AuditEntry } from "./event.ts";

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};

/** Stored values shown in the reader's words: a role or an election phase by name, a time in the council's zone. */
const param = (key: string, value: unknown, p: Presentation): MessageParam => {
  const role = roleSchema.safeParse(value);
  if ((key === "role" || key === "oldRole") && role.success) return msg(`role.${role.data}`);
  const phase = timetablePhaseSchema.safeParse(value);
  if (key === "phase" && phase.success) return msg(`elections.phase.${phase.data}`);
  if ((key === "at" || key === "oldAt") && typeof value === "string" && !Number.isNaN(Date.parse(value))) return showTime(p, "weekdayDateTime", new Date(value));
  return value === null || value === undefined ? "—" : String(value);
};

/**
 * One history line. The stored before/after snapshots feed the message: `before` fields are
 * offered as old<Name> (oldName, oldRole), `after` fields as they are.
 */
export function describeEvent(p: Presentation, event: AuditEntry): string {
  const params: Record<string, MessageParam> = { actor: event.actorName ?? "—" };
  for (const [key, value] of Object.entries(asRecord(event.before))) {
    const oldKey = `old${key[0]?.toUpperCase()}${key.slice(1)}`;
    params[oldKey] = param(oldKey, value, p);
    params[key] ??= param(key, value, p);
  }
  for (const [key, value] of Object.entries(asRecord(event.after))) params[key] = param(key, value, p);
  return p.t(`audit.${event.action}`, params);
}
