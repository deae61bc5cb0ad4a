import type { Locale } from "../../i18n/locale.ts";
import { msg, translate, type MessageParam } from "../../i18n/translate.ts";
import { timetablePhaseSchema } from "../elections/election.ts";
import { roleSchema } from "../groups/group.ts";
import { showWhen } from "../shared/show-time.ts";
import type { AuditEntry } from "./event.ts";

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};

/** Stored values shown in the reader's words: a role or an election phase by name, a time in the council's zone. */
const param = (key: string, value: unknown, locale: Locale, timeZone: string): MessageParam => {
  const role = roleSchema.safeParse(value);
  if ((key === "role" || key === "oldRole") && role.success) return msg(`role.${role.data}`);
  const phase = timetablePhaseSchema.safeParse(value);
  if (key === "phase" && phase.success) return msg(`elections.phase.${phase.data}`);
  if ((key === "at" || key === "oldAt") && typeof value === "string" && !Number.isNaN(Date.parse(value))) return showWhen(new Date(value), timeZone, locale);
  return value === null || value === undefined ? "—" : String(value);
};

/**
 * One history line. The stored before/after snapshots feed the message: `before` fields are
 * offered as old<Name> (oldName, oldRole), `after` fields as they are.
 */
export function describeEvent(locale: Locale, timeZone: string, event: AuditEntry): string {
  const params: Record<string, MessageParam> = { actor: event.actorName ?? "—" };
  for (const [key, value] of Object.entries(asRecord(event.before))) {
    const oldKey = `old${key[0]?.toUpperCase()}${key.slice(1)}`;
    params[oldKey] = param(oldKey, value, locale, timeZone);
    params[key] ??= param(key, value, locale, timeZone);
  }
  for (const [key, value] of Object.entries(asRecord(event.after))) params[key] = param(key, value, locale, timeZone);
  return translate(locale, `audit.${event.action}`, params);
}
