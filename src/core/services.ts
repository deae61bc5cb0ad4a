import { presentation } from "../i18n/presentation.ts";
import { OverviewService } from "./overview/service.ts";
import type { Locale } from "../i18n/locale.ts";
import { DigestService } from "./digest/service.ts";
import { ElectionService } from "./elections/service.ts";
import { groupsSource, newsSource } from "./digest/sources.ts";
import { electionsSource } from "./elections/digest-source.ts";
import { meetingsSource } from "./meetings/digest-source.ts";
import { ReminderDispatcher, type DispatchOptions } from "./reminders/dispatch.ts";
import { SendQueue, type Sleep } from "./reminders/send-queue.ts";
import { ReminderService } from "./reminders/service.ts";
import { createAnnouncer } from "./groups/announce.ts";
import { GroupService } from "./groups/service.ts";
import { ActionService } from "./meetings/action-service.ts";
import { AgendaService } from "./meetings/agenda-service.ts";
import { groupPoster, type MeetingDeps } from "./meetings/deps.ts";
import { MeetingService } from "./meetings/service.ts";
import { PeopleService } from "./people/service.ts";
import { PublicResults } from "./public/results.ts";
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
  readonly agenda: AgendaService;
  readonly actions: ActionService;
  readonly sectors: SectorService;
  /** What is on one person's plate across their groups (the overview command, Slack's Home tab). */
  readonly overview: OverviewService;
  /** Certified elections for the public results pages: a read model, it changes nothing. */
  readonly publicResults: PublicResults;
}

export function createServices(deps: CoreDeps): Services {
  const timeZone = deps.timeZone ?? "Europe/Helsinki";
  const announce = createAnnouncer(deps.chat, presentation(deps.channelLocale, timeZone), deps.logger);
  const queue = new SendQueue({ ...(deps.sleep ? { sleep: deps.sleep } : {}) });
  const posting = { uow: deps.uow, clock: deps.clock, chat: deps.chat, queue, channelLocale: deps.channelLocale, logger: deps.logger };
  const meetingDeps: MeetingDeps = {
    uow: deps.uow,
    clock: deps.clock,
    announce,
    post: groupPoster(deps.chat, deps.logger),
    timeZone,
    channelLocale: deps.channelLocale,
    agendaDeadlineDays: deps.agendaDeadlineDays ?? 3,
    chat: deps.chat,
    logger: deps.logger,
  };
  return {
    meetings: new MeetingService(meetingDeps),
    agenda: new AgendaService(meetingDeps),
    actions: new ActionService(meetingDeps),
    people: new PeopleService({ uow: deps.uow, clock: deps.clock }),
    sectors: new SectorService({ uow: deps.uow, clock: deps.clock }),
    overview: new OverviewService({ uow: deps.uow, clock: deps.clock }),
    publicResults: new PublicResults({ uow: deps.uow, logger: deps.logger }),
    groups: new GroupService({ uow: deps.uow, clock: deps.clock, announce, chat: deps.chat, channelLocale: deps.channelLocale, timeZone, logger: deps.logger }),
    elections: new ElectionService({
      uow: deps.uow,
      clock: deps.clock,
      announce,
      timeZone: meetingDeps.timeZone,
      channelLocale: deps.channelLocale,
      ballotSecret: deps.ballotSecret,
      logger: deps.logger,
    }),
    reminders: new ReminderService(posting),
    reminderDispatch: new ReminderDispatcher({ ...posting, ...(deps.reminders ? { options: deps.reminders } : {}) }),
    digest: new DigestService({ ...posting, sources: [newsSource, meetingsSource, electionsSource, groupsSource], lateLimitMs: deps.reminders?.lateLimitMs }),
  };
}
