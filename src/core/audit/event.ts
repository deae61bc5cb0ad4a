/** One state change: who did what to which thing, when, and how it looked before and after. */
export interface AuditEvent {
  readonly id: string;
  readonly at: Date;
  readonly actorId: string | null;
  readonly action: AuditAction;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly groupId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export type NewAuditEvent = Omit<AuditEvent, "id">;

/** An event as history shows it: with the actor's name as it is now. */
export interface AuditEntry extends AuditEvent {
  readonly actorName: string | null;
}

/**
 * Actions are stable identifiers (they are stored); each has an `audit.<action>` message
 * so that `group history` reads as sentences in the reader's language.
 */
export type AuditAction =
  | "group.created"
  | "group.renamed"
  | "group.archived"
  | "group.channel-linked"
  | "group.rule-changed"
  | "member.joined"
  | "member.requested"
  | "member.request-withdrawn"
  | "member.accepted"
  | "member.declined"
  | "member.added"
  | "member.left"
  | "member.removed"
  | "member.role-changed"
  | "member.deputy-set"
  | "person.profile-changed"
  | "person.email-confirmed"
  | "newsletter.subscribed"
  | "newsletter.unsubscribed"
  | "sector.added"
  | "sector.renamed"
  | "meeting.scheduled"
  | "meeting.rescheduled"
  | "meeting.deadline-set"
  | "meeting.cancelled"
  | "meeting.opened"
  | "meeting.attendance"
  | "meeting.registered"
  | "meeting.unregistered"
  | "meeting.closed"
  | "agenda.item-added"
  | "agenda.item-accepted"
  | "agenda.item-deferred"
  | "agenda.item-rejected"
  | "agenda.item-moved"
  | "agenda.published"
  | "agenda.decided"
  | "agenda.vote-recorded"
  | "agenda.recused"
  | "agenda.dissent-recorded"
  | "decision.proposed"
  | "decision.answered"
  | "decision.prevented"
  | "decision.closed"
  | "action.added"
  | "action.done"
  | "reminder.created"
  | "reminder.removed"
  | "reminder.paused"
  | "reminder.resumed"
  | "news.added"
  | "news.edited"
  | "news.removed"
  | "digest.published"
  | "digest.scheduled"
  | "digest.unscheduled"
  | "election.created"
  | "election.quota-set"
  | "election.criterion-added"
  | "election.deputy-mode-set"
  | "election.nominations-opened"
  | "election.nominated"
  | "election.accepted"
  | "election.withdrawn"
  | "election.voting-opened"
  | "election.prevented"
  | "election.closed"
  | "election.certified"
  | "election.timetable-set"
  | "election.tellers-set"
  | "election.teller-confirmed"
  | "election.candidate-list-set"
  | "meeting.officials-chosen"
  | "minutes.edited"
  | "minutes.approved"
  | "minutes.checked"
  | "minutes.adopted";
