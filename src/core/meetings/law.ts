import { z } from "zod";

/**
 * The facts the Associations Act makes a meeting's decisions depend on, kept beside the meeting
 * and its items: when and how the notice went out (§24), what kind of item needs to be in it,
 * how a vote went (§27), who was disqualified (§26) and who dissented.
 */
export const meetingNoticeSchema = z.object({
  meetingId: z.string(),
  sentAt: z.date(),
  /** The group's linked channel the agenda was posted to; null when the group had none. */
  channelId: z.string().nullable(),
  /** The start the notice announced: a meeting moved afterwards needs a new notice. */
  startsAt: z.date(),
  noticeDays: z.number().int(),
});
export type MeetingNotice = z.infer<typeof meetingNoticeSchema>;

/**
 * Kinds of item that must be named in the notice to be decided (§24(1): the matters to be
 * decided are named in the notice; the Act names rule changes and elections among the matters a
 * meeting cannot take up unannounced, §23–24 and §34). Kept small on purpose: choosing
 * representatives or officers, and changing the group's own rules.
 */
export const noticeKinds = ["election", "rules"] as const;
export const noticeKindSchema = z.enum(noticeKinds);
export type NoticeKind = z.infer<typeof noticeKindSchema>;

/** §27(1) simple majority; §27(3) at least three quarters of the votes cast. */
export const thresholdSchema = z.enum(["majority", "three-quarters"]);
export type Threshold = z.infer<typeof thresholdSchema>;

export const itemLawSchema = z.object({
  itemId: z.string(),
  kind: noticeKindSchema.nullable(),
  threshold: thresholdSchema,
  passed: z.boolean().nullable(),
  /** "chair": a tie the chair's stated opinion decided (§27(2)). */
  tieBreak: z.enum(["chair"]).nullable(),
});
export type ItemLaw = z.infer<typeof itemLawSchema>;

export const noItemLaw = (itemId: string): ItemLaw => ({ itemId, kind: null, threshold: "majority", passed: null, tieBreak: null });

export const recusalSchema = z.object({ itemId: z.string(), personId: z.string(), at: z.date() });
export type Recusal = z.infer<typeof recusalSchema>;

export const dissentSchema = z.object({ itemId: z.string(), personId: z.string(), text: z.string(), at: z.date() });
export type Dissent = z.infer<typeof dissentSchema>;

export const dissentMaxLength = 2000;

/** The store port of these facts; every method runs in the caller's unit of work. */
export interface LawStore {
  notice(meetingId: string): Promise<MeetingNotice | null>;
  /** Records or replaces the meeting's notice (publishing again after a move is a new notice). */
  saveNotice(notice: MeetingNotice): Promise<void>;
  /** The items' facts; an item with none recorded is left out. */
  items(itemIds: readonly string[]): Promise<ItemLaw[]>;
  saveItem(law: ItemLaw): Promise<void>;
  recusals(itemIds: readonly string[]): Promise<Recusal[]>;
  /** False when the person was already recorded as disqualified on the item. */
  addRecusal(recusal: Recusal): Promise<boolean>;
  dissents(itemIds: readonly string[]): Promise<Dissent[]>;
  addDissent(dissent: Dissent): Promise<void>;
}
