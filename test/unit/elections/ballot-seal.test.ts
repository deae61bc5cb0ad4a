import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyFor, newSeal, open, seal, sealedLength, shuffled } from "../../../src/core/elections/ballot-seal.ts";

const secret = randomBytes(32);

describe("sealed ballots", () => {
  it("open to exactly what was sealed, and only under the election's key", () => {
    const { record, key } = newSeal(secret, "e1");
    const payload = { receipt: "K7M2-Q9XP", choices: { kind: "candidates" as const, numbers: [3, 1, 2] }, standInFor: null };
    const sealed = seal(key, payload, sealedLength(3));
    expect(open(keyFor(secret, "e1", record)!, sealed)).toEqual(payload);
    expect(keyFor(randomBytes(32), "e1", record)).toBeNull();
    // A sealed row copied into another election does not open there, even with the same salt.
    const elsewhere = keyFor(secret, "e2", { salt: record.salt, check: newSeal(secret, "e2").record.check });
    expect(() => open(elsewhere ?? { electionId: "e2", key: randomBytes(32) }, sealed)).toThrow();
  });

  it("have one length per election, whatever the ballot, and a changed byte does not open", () => {
    const { key } = newSeal(secret, "e1");
    const length = sealedLength(12);
    const short = seal(key, { receipt: "AAAA-BBBB", choices: { kind: "candidates", numbers: [1] }, standInFor: null }, length);
    const long = seal(key, { receipt: "CCCC-DDDD", choices: { kind: "candidates", numbers: [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1] }, standInFor: "cmabc123deputyseat0000000" }, length);
    const yesNo = seal(key, { receipt: "EEEE-FFFF", choices: { kind: "yes-no", answer: "abstain" }, standInFor: null }, length);
    expect(new Set([short.length, long.length, yesNo.length]).size).toBe(1);
    const bytes = Buffer.from(long, "base64");
    bytes[20] = bytes[20]! ^ 1;
    expect(() => open(key, bytes.toString("base64"))).toThrow();
  });

  it("fit a ranking of every candidate with room for a seat id", () => {
    const { key } = newSeal(secret, "e1");
    for (const count of [1, 15, 40, 200]) {
      const numbers = Array.from({ length: count }, (_, i) => count - i + 100);
      expect(() => seal(key, { receipt: "AAAA-BBBB", choices: { kind: "candidates", numbers }, standInFor: "c".repeat(30) }, sealedLength(count))).not.toThrow();
    }
  });

  it("shuffle into every order, keeping every ballot", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const order = shuffled([1, 2, 3]);
      expect([...order].sort()).toEqual([1, 2, 3]);
      seen.add(order.join(""));
    }
    expect(seen.size).toBe(6);
  });
});
