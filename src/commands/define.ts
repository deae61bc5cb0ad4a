import type { z } from "zod";
import type { Message } from "../i18n/translate.ts";
import type { Presentation } from "../i18n/presentation.ts";
import type { PersonDirectory } from "../core/people/directory.ts";
import type { Invocation } from "../core/shared/invocation.ts";
import type { Services } from "../core/services.ts";
import type { Reply } from "../render/reply.ts";

export interface CommandContext {
  readonly inv: Invocation;
  /** The asker's language and the council's time zone: every text of the answer is made with it. */
  readonly p: Presentation;
  readonly services: Services;
  /** Turns the people named in arguments into identities on the platform the command came from. */
  readonly directory: PersonDirectory;
  /** The whole grammar, for help. */
  readonly commands: readonly CommandDefinition[];
}

/**
 * One command of the `/council` grammar. The zod object is the whole argument grammar: its keys in
 * order are the positional arguments, `.meta({ rest: true })` takes the rest of the line, booleans
 * are `--flags`; the same schema validates Slack text, Discord options and console lines alike.
 * Summary and example come from the catalogues as `command.<path>.summary` / `.example`.
 */
export interface CommandDefinition<Args extends z.ZodObject = z.ZodObject> {
  readonly path: readonly string[];
  readonly args: Args;
  /** Changes state: such commands are audited, and adapters never retry them blindly. */
  readonly sideEffects: boolean;
  /** Irreversible commands ask first; the question is shown with confirm and cancel buttons. */
  readonly confirm?: (args: z.infer<Args>) => Message;
  /**
   * Checks, before `confirm` or `review` asks anything, what would refuse the command anyway (the
   * asker's permission): a refusal here is the answer, and no confirmation is asked.
   */
  readonly precheck?: (ctx: CommandContext, args: z.infer<Args>) => Promise<void>;
  /**
   * Like `confirm`, but the question needs the core (e.g. a ballot as understood): it may refuse,
   * and what it returns is shown with the same confirm and cancel buttons. Null: nothing to ask
   * this time, the command runs at once.
   */
  readonly review?: (ctx: CommandContext, args: z.infer<Args>) => Promise<string | null>;
  /**
   * What an unexpected failure of this command may put in the log. By default only the command's
   * path and the reference the person is shown, never its arguments nor who ran it. Non-secret
   * commands may name arguments worth logging; `"secret"` (a ballot, its buttons and selects
   * included) also keeps the error's message out, since a database or SDK message may quote it.
   */
  readonly log?: "secret" | { readonly args: readonly (keyof z.infer<Args> & string)[] };
  /** Left out of help: commands only buttons run. */
  readonly hidden?: boolean;
  run(ctx: CommandContext, args: z.infer<Args>): Promise<Reply>;
}

declare const argsType: unique symbol;

/**
 * A command as the registry holds it (its argument types erased, so all fit one list), still
 * remembering its arguments' type for the typed `call` helper (src/commands/call.ts).
 */
export type DefinedCommand<Args extends z.ZodObject = z.ZodObject> = CommandDefinition & { readonly [argsType]?: z.input<Args> };

/**
 * What a command file writes: its grammar may come as a function, called the first time the
 * grammar is needed. zod gives every schema object its own copy of some forty methods, so
 * building every command's grammar when the bot starts was most of its heap before the first
 * answer; a console session that runs three commands builds three.
 */
export type CommandSource<Args extends z.ZodObject = z.ZodObject> = Omit<CommandDefinition<Args>, "args"> & { readonly args: Args | (() => Args) };

export const defineCommand = <Args extends z.ZodObject>(source: CommandSource<Args>): DefinedCommand<Args> => {
  const { args } = source;
  if (typeof args !== "function") return source as unknown as DefinedCommand<Args>;
  let built: Args | undefined;
  // Enumerable, so that a spread copy (`{ ...command, log }`) carries the grammar.
  return Object.defineProperty({ ...source }, "args", { get: () => (built ??= args()), enumerable: true }) as unknown as DefinedCommand<Args>;
};

export const commandName = (command: Pick<CommandDefinition, "path">): string => command.path.join(" ");
