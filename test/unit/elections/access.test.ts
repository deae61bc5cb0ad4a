import { describe, expect, it } from "vitest";
import { requireStep } from "../../../src/core/elections/access.ts";
import type { Election } from "../../../src/core/elections/election.ts";
import { Refusal } from "../../../src/core/shared/refusal.ts";
import { translate } from "../../../src/i18n/translate.ts";
import type { MessageKey } from "../../../src/i18n/catalogues.ts";

const told = (election: Pick<Election, "id" | "state" | "method">, step: Parameters<typeof requireStep>[1], locale: "fi" | "en" | "sv") => {
  try {
    requireStep(election as Election, step);
  } catch (error) {
    if (error instanceof Refusal) return translate(locale, `refusal.${error.code}` as MessageKey, error.params);
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("a step the election's state does not allow", () => {
  it("names the states where it is allowed in one line, joined by the reader's 'or'", () => {
    const voting = { id: "e1", state: "voting", method: "plurality" } as const;
    expect(told(voting, "show-ballots", "en")).toBe("Election e1 is in state voting; this can only be done in: closed or certified");
    expect(told(voting, "show-ballots", "fi")).toContain("päättynyt tai vahvistettu");
    expect(told(voting, "show-ballots", "sv")).not.toContain("\n");
  });

  it("tells a yes/no decision it has no nominations, instead of an empty list of states", () => {
    const text = told({ id: "e2", state: "voting", method: "yes-no" }, "nominate", "en");
    expect(text).toContain("Decision e2 is a yes/no vote");
    expect(text).toContain("/council election open e2");
  });
});
