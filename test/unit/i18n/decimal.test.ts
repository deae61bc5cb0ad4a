import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDecimal, type DecimalDigits } from "../../../src/i18n/decimal.ts";
import { localeTags, locales } from "../../../src/i18n/locale.ts";

// What the results and the tally print for votes: five decimals (STV), up to five (comparison numbers), whole votes.
const shapes: DecimalDigits[] = [
  { minimumFractionDigits: 5, maximumFractionDigits: 5 },
  { minimumFractionDigits: 0, maximumFractionDigits: 5 },
  { minimumFractionDigits: 0, maximumFractionDigits: 0 },
];
const intl = (locale: (typeof locales)[number], value: number, digits: DecimalDigits) =>
  new Intl.NumberFormat(localeTags[locale], { ...digits, useGrouping: false }).format(value);

describe("votes written without Intl", () => {
  it("read exactly as Intl.NumberFormat writes them, in every language, ties and carries included", () => {
    const edges = [0, 1, 0.5, 1.5, 2.5, 1.005, 2.675, 0.000005, 0.0000049, 1.000015, 33.333335, 99999.999995, 9.999996, 1e-7, 123456789.123456, 1e21, 2 ** 53, 1726, 1725.99999];
    for (const locale of locales) for (const digits of shapes) for (const value of edges) expect(formatDecimal(locale, value, digits)).toBe(intl(locale, value, digits));
  });

  it("agree with Intl on any non-negative number, whole counts and fractions of a vote alike", () => {
    const values = fc.oneof(
      fc.double({ min: 0, max: 1e12, noNaN: true }),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100_000),
      fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 1_000_000),
      fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 12 })).map(([votes, divisor]) => votes / divisor),
    );
    fc.assert(
      fc.property(values, fc.constantFrom(...locales), fc.constantFrom(...shapes), (value, locale, digits) => {
        expect(formatDecimal(locale, value, digits)).toBe(intl(locale, value, digits));
      }),
      { numRuns: 5_000 },
    );
  });

  it("leave negative numbers and infinities to Intl, whose signs differ by language", () => {
    expect(formatDecimal("fi", -1.5, shapes[0]!)).toBe(intl("fi", -1.5, shapes[0]!));
    expect(formatDecimal("en", -1.5, shapes[0]!)).toBe("-1.50000");
    expect(formatDecimal("sv", Number.POSITIVE_INFINITY, shapes[1]!)).toBe(intl("sv", Number.POSITIVE_INFINITY, shapes[1]!));
  });
});
