import type { Locale } from "../i18n/locale.ts";
import { createAnnouncer } from "./groups/announce.ts";
import { GroupService } from "./groups/service.ts";
import { PeopleService } from "./people/service.ts";
import type { ChatPort } from "./shared/chat.ts";
import type { Clock } from "./shared/clock.ts";
import type { Logger } from "./shared/logger.ts";
import type { UnitOfWork } from "./shared/unit-of-work.ts";

export interface CoreDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly chat: ChatPort;
  /** The language of posts that reach a whole channel. */
  readonly channelLocale: Locale;
  readonly logger: Logger;
}

/** The core's use cases, one service per area. Each later area adds its service here. */
export interface Services {
  readonly people: PeopleService;
  readonly groups: GroupService;
}

export function createServices(deps: CoreDeps): Services {
  const announce = createAnnouncer(deps.chat, deps.channelLocale, deps.logger);
  return {
    people: new PeopleService({ uow: deps.uow, clock: deps.clock }),
    groups: new GroupService({ uow: deps.uow, clock: deps.clock, announce }),
  };
}
