import { countOptionsSchema, type CountOptions } from "./types.ts";

/** A count was asked for with input that cannot be counted (a programming or data error). */
export class CountingInputError extends Error {
  constructor(
    readonly code:
      | "counting.unknown-candidate"
      | "counting.duplicate-candidate"
      | "counting.invalid-options"
      | "counting.irv-one-seat",
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = "CountingInputError";
  }
}

/** Every method's options, checked once the same way: a bad option is a CountingInputError. */
export function checkedOptions(options: unknown): CountOptions {
  const parsed = countOptionsSchema.safeParse(options);
  if (!parsed.success) throw new CountingInputError("counting.invalid-options", parsed.error.message);
  return parsed.data;
}
