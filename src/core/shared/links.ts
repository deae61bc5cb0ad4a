import type { CommandCall } from "../../render/reply.ts";

/**
 * The commands the core's own posts link to (the answer buttons of a membership request), with
 * their arguments. The core cannot import the command definitions, so it names them here;
 * src/commands/call.ts checks at compile time that each still matches its definition.
 */
export interface CoreLinks {
  readonly "group accept": { readonly group: string; readonly person: string };
  readonly "group decline": { readonly group: string; readonly person: string };
  readonly "decision answer": { readonly group: string; readonly number: number; readonly answer: "yes" | "no" | "abstain" };
}

export const linkTo = <C extends keyof CoreLinks>(command: C, args: CoreLinks[C]): CommandCall => ({ command, args });
