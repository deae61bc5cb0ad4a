import { randomBytes } from "node:crypto";
import type { Locale } from "../i18n/locale.ts";
import { presentation, say } from "../i18n/presentation.ts";
import type { PersonDirectory } from "../core/people/directory.ts";
import type { PersonIdentity } from "../core/people/person.ts";
import type { Services } from "../core/services.ts";
import type { Invocation } from "../core/shared/invocation.ts";
import type { Logger } from "../core/shared/logger.ts";
import { isRefusal } from "../core/shared/refusal.ts";
import { buttons, onlyYou, text } from "../render/build.ts";
import type { Reply } from "../render/reply.ts";
import type { CallValue, CommandCall } from "../render/reply.ts";
import { call } from "./call.ts";
import { commandName, type CommandDefinition } from "./define.ts";
import { cancel } from "./help/cancel.ts";
import { commandNamed, failureFields } from "./failure-log.ts";
import { commandOfWords, parseLine, withoutRoot, type ParsedLine } from "./parse-text.ts";
import { argMeta } from "./args.ts";
import { argSpecs } from "./usage.ts";
import { lineTokens } from "../core/shared/words.ts";
import { refuse } from "../core/shared/refusal.ts";
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

/**
 * What a person asked for: a call whose arguments arrived split (a button, an option, a form, a
 * Discord option), or a line they typed (Slack text, the console), which is parsed here first.
 */
export type CommandInput = CommandCall | { readonly line: string };

export interface Dispatcher {
  /** Runs a command as the person asking, on every platform the same way. Never throws. */
  run(request: CommandRequest, input: CommandInput): Promise<Reply>;
  /** `run` of a typed line: what scripts and tests type. */
  runLine(request: CommandRequest, line: string): Promise<Reply>;
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

  /**
   * A group's name of several words may be typed without quotes when it names a group of the
   * workspace (`group members Communications and media`): it is quoted before the line is split.
   * When a shorter name it begins with is a group too (`Youth` and `Youth work`), the person is asked
   * to quote the one they mean, since the words after the name could go either way.
   */
  async function quoteGroupName(inv: Invocation, line: string): Promise<string> {
    const body = withoutRoot(line);
    const tokens = lineTokens(body);
    const command = commandOfWords(commands, tokens.map((token) => token.text));
    const first = command && argSpecs(command).find((spec) => !spec.flag && !spec.named);
    if (!command || !first || argMeta(first.schema).kind !== "group") return line;
    const words = tokens.slice(command.path.length);
    const unquoted = words.findIndex((word) => word.quoted || word.text.startsWith("--"));
    const candidates = unquoted < 0 ? words : words.slice(0, unquoted);
    if (candidates.length < 2) return line;
    const found = await services.groups.nameAtStart(inv, candidates.map((word) => word.text));
    if (found.words === 0) return line;
    const start = candidates[0]!.start;
    const end = candidates[found.words - 1]!.end;
    const name = body.slice(start, end);
    if (found.shorter) refuse("group.name-ambiguous", { short: `"${found.shorter}"`, long: `"${name}"` });
    return `${body.slice(0, start)}"${name}"${body.slice(end)}`;
  }

  // A call names its command by path; an unknown one (a control from an older version) reads like a
  // typed line, so the person hears which commands come closest.
  const resolve = (input: CommandInput): ParsedLine => {
    if ("line" in input) return parseLine(commands, input.line);
    const command = commands.find((c) => commandName(c) === input.command);
    if (!command) return parseLine(commands, input.command);
    return { command, raw: { ...input.args }, confirmed: input.confirmed === true };
  };
  const named = (input: CommandInput) =>
    "line" in input ? commandNamed(commands, input.line) : commands.find((c) => commandName(c) === input.command);

  async function run(request: CommandRequest, input: CommandInput): Promise<Reply> {
    let p = presentation(deps.defaultLocale, deps.timeZone);
    let raw: Record<string, unknown> = {};
    try {
      const inv = await invocation(request);
      p = presentation(inv.locale, deps.timeZone);
      const resolved = resolve("line" in input ? { line: await quoteGroupName(inv, input.line) } : input);
      const { command, confirmed } = resolved;
      raw = resolved.raw;
      const args = validateArgs(p, command, raw);
      const context = { inv, p, services, directory: request.directory, commands };
      if ((command.confirm || command.review) && !confirmed) {
        // Permission first: a person who may not take the step is told so, not asked to confirm it.
        await command.precheck?.(context, args);
        const question = command.review ? await command.review(context, args) : say(p, command.confirm!(args));
        if (question !== null) {
          const asked = { command: commandName(command), args: callArgs(raw) };
          return onlyYou(
            text(question),
            buttons(
              { label: p.t("common.confirm"), call: { ...asked, confirmed: true }, style: "danger" },
              { label: p.t("common.cancel"), call: call(cancel, {}) },
            ),
          );
        }
      }
      return await command.run(context, args);
    } catch (error) {
      if (isRefusal(error)) return presentRefusal(p, error);
      // Unexpected: the person gets a reference to quote, the log gets the details.
      const reference = randomBytes(4).toString("hex");
      logger.error({ reference, ...failureFields(named(input), raw, error) }, "command failed");
      return onlyYou(text(p.t("error.unexpected", { reference })));
    }
  }

  return { run, runLine: (request, line) => run(request, { line }), localeOf: async (request) => (await invocation(request)).locale };
}

/** The arguments as given (not as validated: defaults stay out), as a call carries them. */
const callArgs = (raw: Record<string, unknown>): Record<string, CallValue> =>
  Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, CallValue] => ["string", "number", "boolean"].includes(typeof entry[1]) && entry[1] !== false),
  );
