import { z } from "zod";

export const meetingStatusSchema = z.enum(["scheduled", "open", "closed", "cancelled"]);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;

// The row schemas are z.lazy: built the first time the store reads such a row, not when the bot
// starts (zod gives each schema object its own methods).
export const meetingSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    groupId: z.string(),
    number: z.number().int(),
    startsAt: z.date(),
    place: z.string().nullable(),
    agendaDeadline: z.date(),
    status: meetingStatusSchema,
    publishedAt: z.date().nullable(),
    openedAt: z.date().nullable(),
    closedAt: z.date().nullable(),
    minutes: z.string().nullable(),
  }),
);
export type Meeting = z.infer<typeof meetingSchema>;

/** The standard items of a Finnish association meeting, in order; `closing` always ends the agenda. */
export const standardItems = ["opening", "legality", "checkers", "adoption"] as const;
export const standardKindSchema = z.enum([...standardItems, "closing"]);
export type StandardKind = z.infer<typeof standardKindSchema>;

export const itemStatusSchema = z.enum(["accepted", "pending", "rejected", "deferred"]);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const agendaItemSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    meetingId: z.string(),
    position: z.number().int(),
    standard: standardKindSchema.nullable(),
    title: z.string(),
    text: z.string().nullable(),
    link: z.string().nullable(),
    proposerId: z.string().nullable(),
    status: itemStatusSchema,
    late: z.boolean(),
    reason: z.string().nullable(),
    decision: z.string().nullable(),
    voteYes: z.number().int().nullable(),
    voteNo: z.number().int().nullable(),
    voteAbstain: z.number().int().nullable(),
    /** The number frozen when the meeting closed (see agenda-order.ts); null before. */
    minutesNumber: z.number().int().nullable(),
    createdAt: z.date(),
  }),
);
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** A new agenda item: nothing decided, nothing voted; callers give what they know. */
export const newItem = (
  fields: Pick<AgendaItem, "meetingId" | "position" | "title" | "status" | "createdAt"> & Partial<Omit<AgendaItem, "id">>,
): Omit<AgendaItem, "id"> => ({
  standard: null,
  text: null,
  link: null,
  proposerId: null,
  late: false,
  reason: null,
  decision: null,
  voteYes: null,
  voteNo: null,
  voteAbstain: null,
  minutesNumber: null,
  ...fields,
});

export const attendanceModeSchema = z.enum(["present", "remote"]);
export type AttendanceMode = z.infer<typeof attendanceModeSchema>;

export const attendanceSchema = z.lazy(() =>
  z.object({
    meetingId: z.string(),
    personId: z.string(),
    mode: attendanceModeSchema,
    forMemberId: z.string().nullable(),
  }),
);
export type Attendance = z.infer<typeof attendanceSchema>;

export const registrationSchema = z.lazy(() =>
  z.object({
    meetingId: z.string(),
    personId: z.string(),
    mode: attendanceModeSchema,
    registeredAt: z.date(),
    registeredById: z.string(),
  }),
);
export type Registration = z.infer<typeof registrationSchema>;

export const actionItemSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    groupId: z.string(),
    number: z.number().int(),
    meetingId: z.string().nullable(),
    text: z.string(),
    ownerId: z.string(),
    dueDate: z.date(),
    doneAt: z.date().nullable(),
    createdAt: z.date(),
  }),
);
export type ActionItem = z.infer<typeof actionItemSchema>;

export const agendaTitleMaxLength = 200;
export const agendaTextMaxLength = 4000;
