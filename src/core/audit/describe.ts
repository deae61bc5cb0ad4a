import type { Locale } from "../../i18n/locale.ts";
import { msg, translate, type MessageParam } from "../../i18n/translate.ts";
import { roleSchema } from "../groups/group.ts";
import type { AuditEntry } from "./event.ts";

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};

const param = (key: string, value: unknown): MessageParam => {
  const role = roleSchema.safeParse(value);
  if ((key === "role" || key === "oldRole") && role.success) return msg(`role.${role.data}`);
  return value === null || value === undefined ? "—" : String(value);
};

/**
 * One history line. The stored before/after snapshots feed the message: `before` fields are
 * offered as old<Name> (oldName, oldRole), `after` fields as they are.
 */
export function describeEvent(locale: Locale, event: AuditEntry): string {
  const params: Record<string, MessageParam> = { actor: event.actorName ?? "—" };
  for (const [key, value] of Object.entries(asRecord(event.before))) {
    params[`old${key[0]?.toUpperCase()}${key.slice(1)}`] = param(`old${key[0]?.toUpperCase()}${key.slice(1)}`, value);
    params[key] ??= param(key, value);
  }
  for (const [key, value] of Object.entries(asRecord(event.after))) params[key] = param(key, value);
  return translate(locale, `audit.${event.action}`, params);
}
