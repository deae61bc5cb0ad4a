import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { countStv } from "../../../src/core/elections/counting/index.ts";
import { canonicalJson, sha256Hex } from "../../../src/core/elections/record/canonical.ts";
import { inclusionList, receiptHash } from "../../../src/core/elections/record/receipts.ts";
import { countOfRecord } from "../../../src/core/elections/record/recount.ts";
import type { ElectionRecord } from "../../../src/core/elections/record/schema.ts";
import { verifyRecord } from "../../../src/core/elections/record/verify.ts";

const seed = "0123456789abcdef0123456789abcdef";
const ballots = [[1, 2], [1, 3], [2, 1], [3], [1, 4], [2, 3]];
const candidates = [1, 2, 3, 4].map((number) => ({ number, name: `C${number}`, sector: null, organisation: null, list: null, withdrawn: false }));

/** A record as the bot writes one: its count made by the counting library directly. */
function record(): ElectionRecord {
  const count = countStv(
    candidates.map((c) => ({ id: String(c.number) })),
    ballots.map((b) => ({ ranking: b.map(String) })),
    { seats: 2, seed },
  );
  return {
    version: 1,
    election: { id: "e1", title: "T", group: "G", method: "stv", seats: 2, deputyMode: "none", quotas: {}, criteria: [], rules: {}, votingOpenedAt: null, closedAt: "2026-12-01T10:00:00.000Z" },
    candidates: candidates.map((c) => ({ ...c })),
    roll: { voters: 7, voted: 6, byDeputy: 1 },
    ballots: ballots.map((b) => [...b]),
    receipts: inclusionList("e1", ["AAAA-1111", "BBBB-2222", "CCCC-3333", "DDDD-4444", "EEEE-5555", "FFFF-6666"]),
    lot: { seed, seedHash: createHash("sha256").update(seed).digest("hex") },
    count,
    deputies: {},
  };
}

describe("canonical JSON and its hash", () => {
  it("does not depend on the order keys were written in, and leaves out undefined members", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: "x" }] })).toBe('{"a":[{"b":"x","d":2}],"b":1}');
    expect(sha256Hex(canonicalJson({ x: 1, y: 2 }))).toBe(sha256Hex(canonicalJson({ y: 2, x: 1 })));
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("publishes receipts as sorted hashes of election id and receipt, different in each election", () => {
    const list = inclusionList("e1", ["ZZZZ-9999", "AAAA-1111"]);
    expect(list).toEqual([...list].sort());
    expect(list).toContain(receiptHash("e1", "AAAA-1111"));
    expect(receiptHash("e1", "AAAA-1111")).not.toBe(receiptHash("e2", "AAAA-1111"));
  });
});

describe("verifying a record", () => {
  it("accepts the record as written, with its hash", () => {
    const text = canonicalJson(record());
    const verified = verifyRecord(text, sha256Hex(text));
    expect(verified.problems).toEqual([]);
    expect(verified.canonical).toBe(true);
    expect(countOfRecord(verified.record!).kind).toBe("candidates");
  });

  it("accepts a pretty-printed copy, saying it is not canonical, with the same hash", () => {
    const text = canonicalJson(record());
    const pretty = verifyRecord(JSON.stringify(JSON.parse(text), null, 2), sha256Hex(text));
    expect(pretty.problems).toEqual([]);
    expect(pretty.canonical).toBe(false);
  });

  const keysOf = (edit: (r: ElectionRecord) => void) => {
    const r = record();
    edit(r);
    return verifyRecord(canonicalJson(r)).problems.map((p) => p.key);
  };

  it("names what fails: a flipped choice, the seed, a dropped ballot, the result, a stranger on a ballot", () => {
    expect(keysOf((r) => void ((r.ballots as number[][])[0] = [3, 2]))).toContain("verify.problem.rounds");
    expect(keysOf((r) => void (r.lot.seed = "f".repeat(32)))).toContain("verify.problem.seed");
    expect(keysOf((r) => void (r.ballots as number[][]).pop())).toEqual(expect.arrayContaining(["verify.problem.turnout", "verify.problem.receipts"]));
    expect(keysOf((r) => void ("elected" in r.count && r.count.elected.reverse()))).toEqual(["verify.problem.result"]);
    expect(keysOf((r) => void ((r.ballots as number[][])[0] = [9]))).toEqual(["verify.problem.ballot-unknown"]);
    expect(keysOf((r) => void (r.roll.byDeputy = 7))).toContain("verify.problem.roll");
  });

  it("rejects what is not a record, and a copy that does not match the announced hash", () => {
    expect(verifyRecord("{").problems[0]!.key).toBe("verify.problem.schema");
    expect(verifyRecord('{"version":2}').problems[0]!.key).toBe("verify.problem.schema");
    expect(verifyRecord(canonicalJson(record()), "0".repeat(64)).problems.map((p) => p.key)).toEqual(["verify.problem.hash"]);
  });
});
