import type { z } from "zod";
import type { CoreLinks } from "../core/shared/links.ts";
import type { CallValue, CommandCall } from "../render/reply.ts";
import type { DefinedCommand } from "./define.ts";
import type { decisionAnswer } from "./decide/answer.ts";
import type { groupAccept, groupDecline } from "./group/answer-request.ts";

/** A command's arguments as a control may carry them: by name, each a string, number or flag. */
export type CallArgs<D> = D extends DefinedCommand<infer A>
  ? { [K in keyof z.input<A>]: unknown extends z.input<A>[K] ? CallValue : Extract<z.input<A>[K], CallValue | undefined> }
  : never;

/**
 * What a button, option or form runs, typed by the command it runs: a misspelt argument or a
 * missing one is a compile error, not a dead button.
 */
export function call<D extends DefinedCommand>(command: D, args: CallArgs<D>, options: { confirmed?: boolean } = {}): CommandCall {
  const given = Object.entries(args as Record<string, CallValue | undefined>).filter((entry): entry is [string, CallValue] => entry[1] !== undefined && entry[1] !== false);
  return { command: command.path.join(" "), args: Object.fromEntries(given), ...(options.confirmed ? { confirmed: true } : {}) };
}

// The core's links (core/shared/links.ts) must stay callable with the arguments the core gives.
type Matches<C extends keyof CoreLinks, D> = CoreLinks[C] extends CallArgs<D> ? true : never;
export const coreLinksMatch: [
  Matches<"group accept", typeof groupAccept>,
  Matches<"group decline", typeof groupDecline>,
  Matches<"decision answer", typeof decisionAnswer>,
] = [true, true, true];
