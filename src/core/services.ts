import { presentation } from "../i18n/presentation.ts";
import { OverviewService } from "./overview/service.ts";
import type { Locale } from "../i18n/locale.ts";
import { DigestService } from "./digest/service.ts";
import { ElectionService } from "./elections/service.ts";
import { groupsSource, newsSource } from "./digest/sources.ts";
import { decisionsSource } from "./decisions/digest-source.ts";
import { electionsSource } from "./elections/digest-source.ts";
import { meetingsSource } from "./meetings/digest-source.ts";
import { ReminderDispatcher, type DispatchOptions } from "./reminders/dispatch.ts";
import { SendQueue, type Sleep } from "./reminders/send-queue.ts";
import { ReminderService } from "./reminders/service.ts";
import { createAnnouncer } from "./groups/announce.ts";
import { sendingAfterCommit } from "./outbox/send-after-commit.ts";
import { OutboxWorker, type OutboxOptions } from "./outbox/worker.ts";
import { GroupService } from "./groups/service.ts";
import { DecisionService } from "./decisions/service.ts";
import { ItemLawService } from "./meetings/item-law-service.ts";
import { ActionService } from "./meetings/action-service.ts";
import { AgendaService } from "./meetings/agenda-service.ts";
import { groupPoster, type MeetingDeps } from "./meetings/deps.ts";
import { MeetingService } from "./meetings/service.ts";
import { PlatformEvents } from "./calendar/platform-events.ts";
import { RegistrationService } from "./meetings/registration-service.ts";
import { MinutesService } from "./meetings/minutes-service.ts";
import { PeopleService } from "./people/service.ts";
import { PublicResults } from "./public/results.ts";
import { MailService } from "./mail/service.ts";
import type { MailPort } from "./mail/mail.ts";
import { SectorService } from "./sectors/service.ts";
import type { ChatPort } from "./shared/chat.ts";
import type { Clock } from "./shared/clock.ts";
import type { Logger } from "./shared/logger.ts";
import type { UnitOfWork } from "./shared/unit-of-work.ts";
import type { BallotSecret } from "./elections/ballot-seal.ts";

export interface CoreDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly chat: ChatPort;
  /** The language of posts that reach a whole channel. */
  readonly channelLocale: Locale;
  /** The council's time zone (IANA), for reading and showing times. */
  readonly timeZone?: string;
  /** How many days before a meeting its agenda closes (default 3). */
  readonly agendaDeadlineDays?: number;
  readonly logger: Logger;
  /** The bot's ballot secret, from outside the database (src/ballot-secret.ts). */
  readonly ballotSecret: BallotSecret;
  /** Reminder timing (late limit etc.); defaults in reminders/dispatch.ts. */
  readonly reminders?: Partial<DispatchOptions>;
  /** How the send queue waits out a rate limit; tests pass a fake. */
  readonly sleep?: Sleep;
  /**
   * Whether this process sends what the outbox holds (default true). False only writes: another
   * process sends (a multi-instance set-up), or a test looks at what was written.
   */
  readonly outboxSend?: boolean;
  /** Outbox timing (lease, attempts, backoff); defaults in outbox/worker.ts. */
  readonly outbox?: Partial<OutboxOptions>;
  /** The e-mail transport (adapters/mail); without one nothing is mailed and addresses are refused. */
  readonly mail?: MailPort;
  /** Where the web front end is reached (PUBLIC_URL), for unsubscribe and calendar links; null when it does not run. */
  readonly publicUrl?: () => string | null;
}

/** The core's use cases, one service per area. Each later area adds its service here. */
export interface Services {
  readonly people: PeopleService;
  readonly groups: GroupService;
  readonly reminders: ReminderService;
  /** The scheduler's use case: `sendDueReminders(now)`. */
  readonly reminderDispatch: ReminderDispatcher;
  readonly digest: DigestService;
  readonly elections: ElectionService;
  readonly meetings: MeetingService;
  readonly platformEvents: PlatformEvents;
  readonly registrations: RegistrationService;
  readonly agenda: AgendaService;
  /** A meeting's officials and the checking of its minutes (§31). */
  readonly minutes: MinutesService;
  readonly actions: ActionService;
  /** Votes, disqualifications and dissents on a meeting's items (the Associations Act's rules). */
  readonly itemLaw: ItemLawService;
  /** Decisions without a meeting; the scheduler closes them at their deadline. */
  readonly decisions: DecisionService;
  readonly sectors: SectorService;
  /** E-mail addresses, newsletter subscriptions and calendar feed links. */
  readonly mail: MailService;
  /** What is on one person's plate across their groups (the overview command, Slack's Home tab). */
  readonly overview: OverviewService;
  /** Certified elections for the public results pages: a read model, it changes nothing. */
  readonly publicResults: PublicResults;
  /** Sends the posts state changes left in the outbox; the scheduler drains it every tick. */
  readonly outbox: OutboxWorker;
  /** False when this process only writes to the outbox (OUTBOX_SEND=false). */
  readonly outboxSends: boolean;
}

export function createServices(deps: CoreDeps): Services {
  const timeZone = deps.timeZone ?? "Europe/Helsinki";
  const mailEnabled = deps.mail !== undefined;
  const publicUrl = deps.publicUrl ?? (() => null);
  const announce = createAnnouncer(deps.clock, presentation(deps.channelLocale, timeZone), mailEnabled);
  const queue = new SendQueue({ ...(deps.sleep ? { sleep: deps.sleep } : {}) });
  const outboxSends = deps.outboxSend ?? true;
  const outbox = new OutboxWorker({ uow: deps.uow, chat: deps.chat, ...(deps.mail ? { mail: deps.mail } : {}), clock: deps.clock, queue, logger: deps.logger, ...(deps.outbox ? { options: deps.outbox } : {}) });
  // Every use case writes through this unit of work: what a change put in the outbox is sent as
  // soon as it has committed (or, when this process does not send, left for one that does).
  const uow = outboxSends ? sendingAfterCommit(deps.uow, (ids) => outbox.sendNow(ids)) : deps.uow;
  const posting = { uow, clock: deps.clock, chat: deps.chat, queue, channelLocale: deps.channelLocale, logger: deps.logger };
  const platformEvents = new PlatformEvents({ uow, chat: deps.chat, clock: deps.clock, logger: deps.logger, channel: presentation(deps.channelLocale, timeZone) });
  const meetingDeps: MeetingDeps = {
    uow,
    clock: deps.clock,
    announce,
    post: groupPoster(deps.clock, mailEnabled),
    mailEnabled,
    publicUrl,
    timeZone,
    channelLocale: deps.channelLocale,
    agendaDeadlineDays: deps.agendaDeadlineDays ?? 3,
    platformEvents,
    logger: deps.logger,
  };
  return {
    platformEvents,
    meetings: new MeetingService(meetingDeps),
    registrations: new RegistrationService(meetingDeps),
    agenda: new AgendaService(meetingDeps),
    minutes: new MinutesService(meetingDeps),
    actions: new ActionService(meetingDeps),
    itemLaw: new ItemLawService(meetingDeps),
    decisions: new DecisionService({ uow, clock: deps.clock, post: meetingDeps.post, timeZone, channelLocale: deps.channelLocale, logger: deps.logger }),
    people: new PeopleService({ uow, clock: deps.clock }),
    sectors: new SectorService({ uow, clock: deps.clock }),
    mail: new MailService({ uow, clock: deps.clock, timeZone, channelLocale: deps.channelLocale, enabled: mailEnabled, publicUrl }),
    overview: new OverviewService({ uow, clock: deps.clock }),
    publicResults: new PublicResults({ uow, logger: deps.logger, timeZone }),
    groups: new GroupService({ uow, clock: deps.clock, announce, chat: deps.chat, channelLocale: deps.channelLocale, timeZone, logger: deps.logger }),
    elections: new ElectionService({
      uow,
      clock: deps.clock,
      announce,
      timeZone: meetingDeps.timeZone,
      channelLocale: deps.channelLocale,
      ballotSecret: deps.ballotSecret,
      logger: deps.logger,
    }),
    reminders: new ReminderService(posting),
    reminderDispatch: new ReminderDispatcher({ ...posting, ...(deps.reminders ? { options: deps.reminders } : {}) }),
    digest: new DigestService({ ...posting, mailEnabled, publicUrl, sources: [newsSource, meetingsSource, decisionsSource, electionsSource, groupsSource], lateLimitMs: deps.reminders?.lateLimitMs }),
    outbox,
    outboxSends,
  };
}
