import type { MinutesApproval, MinutesStatus } from "./minutes-state.ts";
import type { Official, OfficialRole } from "./officials.ts";

/** A meeting's officials and where its minutes are in checking. */
export interface MinutesStore {
  /** The meeting's officials, by role and position. */
  officials(meetingId: string): Promise<Official[]>;
  /** Replaces every official of one role with these, in order. */
  setOfficials(meetingId: string, role: OfficialRole, officials: readonly Official[]): Promise<void>;

  /** Null until the meeting closes. */
  status(meetingId: string): Promise<MinutesStatus | null>;
  /** The status of several meetings at once (lists, the overview, the digest). */
  statuses(meetingIds: readonly string[]): Promise<MinutesStatus[]>;
  saveStatus(status: MinutesStatus): Promise<void>;
  /** Every final status (checked or approved), of every group: what the public pages may show. */
  finalStatuses(): Promise<MinutesStatus[]>;

  approvals(meetingId: string): Promise<MinutesApproval[]>;
  /** For lists: how many checkers each of these meetings chose and how many approvals it has (absent: none). */
  checkerCounts(meetingIds: readonly string[]): Promise<Map<string, number>>;
  approvalCounts(meetingIds: readonly string[]): Promise<Map<string, number>>;
  /** Records or replaces one checker's approval. */
  approve(approval: MinutesApproval): Promise<void>;
  /** Removes every approval (the text changed); returns how many there were. */
  clearApprovals(meetingId: string): Promise<number>;
}
