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
