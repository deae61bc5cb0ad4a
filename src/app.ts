import { commands } from "./commands/registry.ts";
import { commandName } from "./commands/define.ts";
import { createDispatcher, type Dispatcher } from "./commands/dispatch.ts";
import { Controls } from "./render/controls.ts";
import type { Config } from "./config.ts";
import { createServices, type Services } from "./core/services.ts";
import type { ChatPort } from "./core/shared/chat.ts";
import type { BallotSecret } from "./core/elections/ballot-seal.ts";
import { systemClock, type Clock } from "./core/shared/clock.ts";
import type { Logger } from "./core/shared/logger.ts";
import type { MailPort } from "./core/mail/mail.ts";
import type { Store } from "./store/open-store.ts";
import type { PlatformCheck } from "./platform-start.ts";

export interface App {
  readonly services: Services;
  readonly dispatcher: Dispatcher;
  /** The ids of buttons, options and forms on every platform (src/render/controls.ts). */
  readonly controls: Controls;
}

/** The core over a store and a chat platform: what every adapter drives. */
export function createApp(options: {
  config: Pick<Config, "DEFAULT_LOCALE" | "TIMEZONE"> & Partial<Pick<Config, "REMINDER_LATE_LIMIT_HOURS" | "AGENDA_DEADLINE_DAYS" | "OUTBOX_SEND">>;
  store: Store;
  chat: ChatPort;
  logger: Logger;
  ballotSecret: BallotSecret;
  clock?: Clock;
  /** The e-mail transport (adapters/mail), when SMTP_URL is set. */
  mail?: MailPort;
  /** Where the web front end is reached, once known (PUBLIC_URL or the address it listens on). */
  publicUrl?: () => string | null;
}): App {
  const services = createServices({
    uow: options.store.uow,
    clock: options.clock ?? systemClock,
    chat: options.chat,
    channelLocale: options.config.DEFAULT_LOCALE,
    timeZone: options.config.TIMEZONE,
    ...(options.config.AGENDA_DEADLINE_DAYS !== undefined ? { agendaDeadlineDays: options.config.AGENDA_DEADLINE_DAYS } : {}),
    logger: options.logger,
    ballotSecret: options.ballotSecret,
    ...(options.config.REMINDER_LATE_LIMIT_HOURS ? { reminders: { lateLimitMs: options.config.REMINDER_LATE_LIMIT_HOURS * 3_600_000 } } : {}),
    ...(options.config.OUTBOX_SEND !== undefined ? { outboxSend: options.config.OUTBOX_SEND } : {}),
    ...(options.mail ? { mail: options.mail } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  const dispatcher = createDispatcher({
    services,
    commands,
    defaultLocale: options.config.DEFAULT_LOCALE,
    timeZone: options.config.TIMEZONE,
    logger: options.logger,
  });
  const secret = new Set(commands.filter((c) => c.log === "secret").map(commandName));
  const controls = new Controls(options.store.controlTokens, (command) => secret.has(command));
  return { services, dispatcher, controls };
}

/**
 * What main.ts needs of a chat platform adapter (Slack, Discord): a chat port for the core to
 * post through, then the core to drive, then start and stop. Console works the same way in spirit
 * but owns stdin, so main wires it directly.
 */
export interface PlatformAdapter {
  readonly chat: ChatPort;
  /** Registers the platform's listeners to run commands through the app's dispatcher. */
  attach(app: App): void;
  /**
   * Asks the platform once whether the credentials are good, before start(): a rejection or an
   * unreachable platform is a value (main.ts retries the latter and exits with a clear line);
   * anything else unexpected throws.
   */
  verify(): Promise<PlatformCheck>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
