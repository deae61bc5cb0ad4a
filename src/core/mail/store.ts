/** A person's address as the mail store keeps it. */
export interface PersonEmailRecord {
  readonly personId: string;
  /** Confirmed, and so used for notices; null until a code was confirmed. */
  readonly address: string | null;
  readonly pendingAddress: string | null;
  readonly codeHash: string | null;
  readonly codeExpiresAt: Date | null;
}

export interface NewsletterSubscription {
  readonly id: string;
  readonly workspaceId: string;
  readonly address: string;
  readonly token: string;
  readonly consentAt: Date;
  readonly consentVia: string;
  readonly unsubscribedAt: Date | null;
}

/** A published digest as the newsletter archive shows it. */
export interface NewsletterIssue {
  readonly id: string;
  readonly workspaceId: string;
  readonly title: string;
  readonly html: string;
  readonly publishedAt: Date;
}

/** The mail area's store port: confirmed addresses, subscriptions and calendar tokens. */
/** A meeting whose platform event has to follow a change, as claimed by a sync. */
export interface PendingEvent {
  readonly meetingId: string;
  readonly version: number;
  readonly attempts: number;
  readonly platformEventId: string | null;
}

export interface MailStore {
  personEmail(personId: string): Promise<PersonEmailRecord | null>;
  /** Starts (or restarts) confirming `address`: the confirmed address, if any, stays in use meanwhile. */
  setPending(personId: string, address: string, codeHash: string, expiresAt: Date, now: Date): Promise<void>;
  /** Makes the pending address the confirmed one and forgets the code. */
  confirm(personId: string, now: Date): Promise<PersonEmailRecord>;
  /** Confirmed addresses of these people (those without one are left out), by person id. */
  confirmedAddresses(personIds: readonly string[]): Promise<Map<string, string>>;
  subscription(workspaceId: string, address: string): Promise<NewsletterSubscription | null>;
  subscriptionByToken(token: string): Promise<NewsletterSubscription | null>;
  /** Subscribes (again): a new consent replaces an earlier withdrawal; the token stays. */
  subscribe(input: { workspaceId: string; address: string; token: string; consentAt: Date; consentVia: string }): Promise<NewsletterSubscription>;
  unsubscribe(id: string, at: Date, via: string): Promise<void>;
  /** Subscriptions in force, oldest first. */
  activeSubscriptions(workspaceId: string): Promise<NewsletterSubscription[]>;
  /** The group's calendar feed token, made with `fresh` on first use. */
  calendarToken(groupId: string, fresh: string): Promise<string>;
  groupByCalendarToken(token: string): Promise<string | null>;
  /** The meeting's calendar entry: its SEQUENCE and the platform event's id, if any. */
  meetingCalendar(meetingId: string): Promise<{ sequence: number; platformEventId: string | null }>;
  /** The SEQUENCE of each of these meetings' calendar entries (absent: 0), read together for a feed. */
  calendarSequences(meetingIds: readonly string[]): Promise<Map<string, number>>;
  /** Raises the meeting's SEQUENCE by one and returns the new value. */
  raiseSequence(meetingId: string): Promise<number>;
  setPlatformEventId(meetingId: string, id: string | null): Promise<void>;
  /** In a change's unit of work: the meeting's platform event must follow it. */
  markEventPending(meetingId: string): Promise<void>;
  /** Pending platform events whose retry time has come, oldest first. */
  pendingEvents(now: Date, limit: number): Promise<PendingEvent[]>;
  /** Takes a pending event until `until` (a lease); false when another process has it or it changed. */
  claimEvent(event: PendingEvent, now: Date, until: Date): Promise<boolean>;
  /** The platform has the version `event` was claimed at (a later change keeps it pending). */
  eventSynced(event: PendingEvent, platformEventId: string | null): Promise<void>;
  /** The platform refused: try again at `retryAt`, or give up (null) until the next change. */
  eventFailed(event: PendingEvent, retryAt: Date | null): Promise<void>;
  recordIssue(issue: NewsletterIssue): Promise<void>;
  /** The newest `limit` issues of every workspace, newest first. */
  issues(limit: number): Promise<NewsletterIssue[]>;
  issue(id: string): Promise<NewsletterIssue | null>;
}
