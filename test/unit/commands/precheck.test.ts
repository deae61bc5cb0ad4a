import { describe, expect, it } from "vitest";
import { commandName } from "../../../src/commands/define.ts";
import { commands } from "../../../src/commands/registry.ts";

describe("commands that ask for confirmation", () => {
  // Issue 12: a plain member was asked to confirm `meeting close` and only then told they may not.
  it("all check first whether the asker may take the step", () => {
    const asking = commands.filter((c) => c.confirm || c.review);
    // A ballot's review reads the ballot in the core, which refuses a voter who may not vote.
    const withoutPrecheck = asking.filter((c) => !c.precheck && !c.review).map(commandName);
    expect(withoutPrecheck).toEqual([]);
  });
});
