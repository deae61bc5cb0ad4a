import type { AuditEntry, NewAuditEvent } from "./event.ts";

export interface AuditLog {
  /** Written inside the caller's unit of work, so the event and the change commit together. */
  record(event: NewAuditEvent): Promise<void>;
  /** Newest first. */
  forGroup(groupId: string, limit: number, offset?: number): Promise<AuditEntry[]>;
  countForGroup(groupId: string): Promise<number>;
}
