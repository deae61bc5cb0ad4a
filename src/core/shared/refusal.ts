import type { MessageKey } from "../../i18n/catalogues.ts";
import type { MessageParams } from "../../i18n/translate.ts";

type RefusalKey = Extract<MessageKey, `refusal.${string}`>;
/** Stable identifiers of expected refusals; each has a `refusal.<code>` message in every catalogue. */
export type RefusalCode = RefusalKey extends `refusal.${infer Code}` ? Code : never;

/**
 * An expected "no" (not an officer, group archived, duplicate name). Thrown so that a unit of work
 * rolls back and nothing is half-written; turned into localized text in one place
 * (src/commands/present-refusal.ts). It carries no stack to show anybody.
 */
export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly params: MessageParams = {},
  ) {
    super(`refused: ${code}`);
    this.name = "Refusal";
  }
}

export function refuse(code: RefusalCode, params?: MessageParams): never {
  throw new Refusal(code, params);
}

export const isRefusal = (error: unknown): error is Refusal => error instanceof Refusal;
