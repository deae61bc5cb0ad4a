import { describe, expect, it } from "vitest";
import { carriesOver, closingPosition, numberedAgenda } from "../../../src/core/meetings/agenda-order.ts";
import type { AgendaItem } from "../../../src/core/meetings/meeting.ts";

type Item = Pick<AgendaItem, "id" | "status" | "position" | "standard" | "decision">;
const item = (id: string, position: number, extra: Partial<Item> = {}): Item => ({ id, position, status: "accepted", standard: null, decision: null, ...extra });
const standard = [
  item("opening", 1, { standard: "opening" }),
  item("legality", 2, { standard: "legality" }),
  item("checkers", 3, { standard: "checkers" }),
  item("adoption", 4, { standard: "adoption" }),
  item("closing", closingPosition, { standard: "closing" }),
];

describe("agenda order", () => {
  it("numbers the standard items first and the closing item last, whatever their stored order", () => {
    const agenda = numberedAgenda([...standard, item("budget", 5), item("news", 6)].reverse());
    expect(agenda.map((i) => `${i.number}:${i.id}`)).toEqual(["1:opening", "2:legality", "3:checkers", "4:adoption", "5:budget", "6:news", "7:closing"]);
  });

  it("leaves rejected and deferred items out of the numbering, and keeps late ones in it", () => {
    const agenda = numberedAgenda([...standard, item("a", 5, { status: "rejected" }), item("b", 6, { status: "deferred" }), item("c", 7, { status: "pending" })]);
    expect(agenda.map((i) => i.id)).toEqual(["opening", "legality", "checkers", "adoption", "c", "closing"]);
  });

  it("carries over a member's undecided item, not a decided or standard one", () => {
    expect(carriesOver(item("a", 5))).toBe(true);
    expect(carriesOver(item("a", 5, { decision: "Hyväksyttiin." }))).toBe(false);
    expect(carriesOver(item("opening", 1, { standard: "opening" }))).toBe(false);
    expect(carriesOver(item("a", 5, { status: "rejected" }))).toBe(false);
  });
});
