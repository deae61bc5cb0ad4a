import { randomBytes } from "node:crypto";
import type { Locale } from "../i18n/locale.ts";
import { render, translate, translator } from "../i18n/translate.ts";
import type { PersonDirectory } from "../core/people/directory.ts";
import type { PersonIdentity } from "../core/people/person.ts";
import type { Services } from "../core/services.ts";
import type { Invocation } from "../core/shared/invocation.ts";
import type { Logger } from "../core/shared/logger.ts";
import { isRefusal } from "../core/shared/refusal.ts";
import { buttons, onlyYou, text } from "../render/build.ts";
import type { Reply } from "../render/reply.ts";
import { commandLine } from "./command-line.ts";
import type { CommandDefinition } from "./define.ts";
import { commandNamed, failureFields } from "./failure-log.ts";
import { parseLine } from "./parse-text.ts";
import { presentRefusal } from "./present-refusal.ts";
import { validateArgs } from "./validate.ts";

/** Who is asking and from where, as the adapter saw it. */
export interface CommandRequest {
  readonly identity: PersonIdentity;
  readonly isWorkspaceAdmin: boolean;
  readonly workspaceId: string;
  readonly channelId: string | null;
  readonly directory: PersonDirectory;
}

export interface DispatcherDeps {
  readonly services: Services;
  readonly commands: readonly CommandDefinition[];
  readonly defaultLocale: Locale;
  readonly timeZone: string;
  readonly logger: Logger;
}

export interface Dispatcher {
  /** Runs a typed line (Slack text, console input, a pressed button's command). Never throws. */
  runLine(request: CommandRequest, line: string): Promise<Reply>;
  /** Runs a command whose arguments arrived already split (Discord options). Never throws. */
  runCommand(request: CommandRequest, path: readonly string[], raw: Record<string, unknown>): Promise<Reply>;
  /** The language the bot answers this person in. */
  localeOf(request: CommandRequest): Promise<Locale>;
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { services, commands, logger } = deps;

  async function invocation(request: CommandRequest): Promise<Invocation> {
    const person = await services.people.ensure(request.identity);
    return {
      actor: { person, isWorkspaceAdmin: request.isWorkspaceAdmin },
      workspaceId: request.workspaceId,
      channelId: request.channelId,
      locale: person.locale ?? deps.defaultLocale,
    };
  }

  async function execute(
    request: CommandRequest,
    known: CommandDefinition | undefined,
    resolve: () => { command: CommandDefinition; raw: Record<string, unknown>; confirmed: boolean },
  ): Promise<Reply> {
    let locale = deps.defaultLocale;
    let raw: Record<string, unknown> = {};
    try {
      const inv = await invocation(request);
      locale = inv.locale;
      const t = translator(locale);
      const resolved = resolve();
      const { command, confirmed } = resolved;
      raw = resolved.raw;
      const args = validateArgs(t, command, raw);
      const context = { inv, t, services, directory: request.directory, timeZone: deps.timeZone, commands };
      if ((command.confirm || command.review) && !confirmed) {
        return onlyYou(
          text(command.review ? await command.review(context, args) : render(locale, command.confirm!(args))),
          buttons(
            { label: t("common.confirm"), command: commandLine(command, raw, ["confirm"]), style: "danger" },
            { label: t("common.cancel"), command: "cancel" },
          ),
        );
      }
      return await command.run(context, args);
    } catch (error) {
      if (isRefusal(error)) return presentRefusal(locale, error);
      // Unexpected: the person gets a reference to quote, the log gets the details.
      const reference = randomBytes(4).toString("hex");
      logger.error({ reference, ...failureFields(known, raw, error) }, "command failed");
      return onlyYou(text(translate(locale, "error.unexpected", { reference })));
    }
  }

  return {
    runLine: (request, line) =>
      execute(request, commandNamed(commands, line), () => parseLine(commands, line)),
    runCommand: (request, path, raw) =>
      execute(request, commandNamed(commands, path.join(" ")), () => {
        const command = commands.find((c) => c.path.join(" ") === path.join(" "));
        if (!command) return parseLine(commands, path.join(" "));
        const { confirm, ...rest } = raw;
        return { command, raw: rest, confirmed: confirm === true };
      }),
    localeOf: async (request) => (await invocation(request)).locale,
  };
}
