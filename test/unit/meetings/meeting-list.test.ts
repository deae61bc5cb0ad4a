import { describe, expect, it } from "vitest";
import { splitWindow } from "../../../src/core/meetings/meeting-list.ts";

describe("a meeting list page's window, split between the upcoming and the past", () => {
  it("given a page inside the upcoming, then it reads only the upcoming", () => {
    expect(splitWindow({ offset: 20, limit: 20 }, 50)).toEqual({ upcoming: { offset: 20, limit: 20 }, past: null });
  });
  it("given a page where the upcoming end, then it reads their end and the past's start", () => {
    expect(splitWindow({ offset: 0, limit: 20 }, 11)).toEqual({ upcoming: { offset: 0, limit: 11 }, past: { offset: 0, limit: 9 } });
    expect(splitWindow({ offset: 20, limit: 20 }, 20)).toEqual({ upcoming: null, past: { offset: 0, limit: 20 } });
  });
  it("given a page past the upcoming, then it reads the past from where page 1 left them", () => {
    expect(splitWindow({ offset: 20, limit: 20 }, 11)).toEqual({ upcoming: null, past: { offset: 9, limit: 20 } });
    expect(splitWindow({ offset: 40, limit: 20 }, 0)).toEqual({ upcoming: null, past: { offset: 40, limit: 20 } });
  });
});
