import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBlt, type BltElection } from "../../../src/core/elections/blt/parse.ts";
import { BltWriteError, writeBlt } from "../../../src/core/elections/blt/write.ts";

const text = fc
  .string({ maxLength: 20 })
  .filter((value) => !/[\r\n]/.test(value) && !(value.length >= 2 && value.startsWith('"') && value.endsWith('"')));

const election: fc.Arbitrary<BltElection> = fc.integer({ min: 1, max: 8 }).chain((count) => {
  const numbers = Array.from({ length: count }, (_, position) => position + 1);
  return fc.record({
    candidates: fc.array(text, { minLength: count, maxLength: count }),
    seats: fc.integer({ min: 1, max: count }),
    title: text,
    withdrawn: fc.shuffledSubarray(numbers, { maxLength: Math.max(0, count - 1) }),
    ballots: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 1000 }), ranking: fc.shuffledSubarray(numbers) }), { maxLength: 30 }),
  });
});

describe("writeBlt", () => {
  it("writes a file the parser reads back to the same election", () => {
    fc.assert(
      fc.property(election, (original) => {
        expect(parseBlt(writeBlt(original))).toEqual({ ok: true, election: original });
      }),
      { numRuns: 300 },
    );
  });

  it("writes the standard layout", () => {
    const written = writeBlt({ candidates: ["Ann", "Bo"], seats: 1, title: "Chair", withdrawn: [], ballots: [{ weight: 2, ranking: [2, 1] }] });
    expect(written).toBe('2 1\n2 2 1 0\n0\n"Ann"\n"Bo"\n"Chair"\n');
  });

  it("refuses what the format cannot carry", () => {
    const base = { candidates: ["Ann"], seats: 1, title: "T", withdrawn: [], ballots: [] };
    expect(() => writeBlt({ ...base, candidates: ["line\nbreak"] })).toThrow(BltWriteError);
    expect(() => writeBlt({ ...base, title: '"quoted"' })).toThrow(BltWriteError);
    expect(() => writeBlt({ ...base, ballots: [{ weight: 1, ranking: [2] }] })).toThrow(BltWriteError);
  });
});
