import { describe, expect, it } from "vitest";
import { parseBlt } from "../../../src/core/elections/blt/parse.ts";

const sample = ['4 2', '-3', '3 1 2 0', '', '2 4 0', '0', '"Alice"', '"Bob"', '"Carol"', '"Dave"', '"Board 2025"', ''].join("\r\n");

describe("parseBlt", () => {
  it("reads header, withdrawn, weighted ballots, names and title (CRLF and blank lines tolerated)", () => {
    expect(parseBlt(sample)).toEqual({
      ok: true,
      election: {
        candidates: ["Alice", "Bob", "Carol", "Dave"],
        seats: 2,
        title: "Board 2025",
        withdrawn: [3],
        ballots: [
          { weight: 3, ranking: [1, 2] },
          { weight: 2, ranking: [4] },
        ],
      },
    });
  });

  it("keeps a # in a name (no comments) and unwraps doubly quoted titles", () => {
    const read = parseBlt('1 1\n1 1 0\n0\n"# ALTERNATIVE NAME 1: Ann"\n""""Ward 04 - Arran""""\n');
    expect(read.ok && read.election.candidates).toEqual(["# ALTERNATIVE NAME 1: Ann"]);
    expect(read.ok && read.election.title).toBe("Ward 04 - Arran");
  });

  const problems: [string, string, object][] = [
    ["x 2\n", "header not numbers", { code: "blt.expected-header", line: 1 }],
    ["", "empty file", { code: "blt.expected-header", line: 1 }],
    ["2 1\n1 1 2\n0\n", "ballot without closing 0", { code: "blt.expected-ballot", line: 2, expected: "a weight, preferences and a closing 0" }],
    ["2 1\n1 1 0\n\n1 3 0\n0\n", "candidate out of range", { code: "blt.unknown-candidate", line: 4, params: { candidates: 2 } }],
    ["2 1\n1 1 1 0\n0\n", "ranked twice", { code: "blt.duplicate-preference", line: 2 }],
    ["2 1\n1 1=2 0\n0\n", "equal ranking", { code: "blt.equal-ranking", line: 2 }],
    ["2 1\n-5\n0\n", "withdrawn out of range", { code: "blt.invalid-withdrawn", line: 2 }],
    ["2 1\n1 1 0\n", "no end of ballots", { code: "blt.missing-end-of-ballots" }],
    ['2 1\n1 1 0\n0\n"A"\nB\n"T"\n', "unquoted name", { code: "blt.expected-name", line: 5, params: { candidates: 2, candidate: 2 } }],
    ['2 1\n1 1 0\n0\n"A"\n"B"\n', "no title", { code: "blt.expected-title" }],
    ['2 1\n1 1 0\n0\n"A"\n"B"\n"T"\nmore\n', "content after title", { code: "blt.unexpected-content", line: 7 }],
    ["2 1\n0 1 0\n0\n", "weight zero", { code: "blt.expected-ballot", line: 2 }],
  ];
  for (const [text, what, issue] of problems) {
    it(`reports ${what} with a stable code and line`, () => {
      const read = parseBlt(text);
      expect(read.ok).toBe(false);
      if (!read.ok) {
        expect(read.issue).toMatchObject(issue);
        expect(read.issue.expected.length).toBeGreaterThan(0);
      }
    });
  }
});
