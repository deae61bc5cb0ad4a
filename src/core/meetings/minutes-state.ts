import { createHash } from "node:crypto";
import { z } from "zod";

/** §31: the minutes are a draft (luonnos) until the checkers have checked them or a meeting approves them. */
export const minutesStateSchema = z.enum(["draft", "checked", "approved"]);
export type MinutesState = z.infer<typeof minutesStateSchema>;

export const minutesStatusSchema = z.object({
  meetingId: z.string(),
  state: minutesStateSchema,
  checkedAt: z.date().nullable(),
  approvedAtMeetingId: z.string().nullable(),
  approvedAt: z.date().nullable(),
});
export type MinutesStatus = z.infer<typeof minutesStatusSchema>;

export const minutesApprovalSchema = z.object({
  meetingId: z.string(),
  personId: z.string(),
  sha256: z.string(),
  approvedAt: z.date(),
});
export type MinutesApproval = z.infer<typeof minutesApprovalSchema>;

/** The fingerprint of the exact text a checker read: any change to it, even a space, shows. */
export const minutesHash = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** Approvals that still hold: those of the text as it now reads. */
export const validApprovals = (approvals: readonly MinutesApproval[], text: string): MinutesApproval[] => {
  const hash = minutesHash(text);
  return approvals.filter((a) => a.sha256 === hash);
};
