import { describe, expect, it } from "vitest";
import { formatMessage } from "../../../src/i18n/message-format.ts";
import { translate } from "../../../src/i18n/translate.ts";

const format = (tag: string, template: string, params: Record<string, string | number>) =>
  formatMessage(
    tag,
    template,
    (name) => (params[name] === undefined ? undefined : String(params[name])),
    (name) => (typeof params[name] === "number" ? params[name] : undefined),
  );

describe("plural forms in messages", () => {
  it("given one membership request, when listed, then Finnish says 'jäsenyyspyyntö', not 'jäsenyyspyyntöä'", () => {
    expect(translate("fi", "groups.requests.title", { group: "Viestintä", count: 1 })).toBe("Viestintä: 1 jäsenyyspyyntö");
    expect(translate("fi", "groups.requests.title", { group: "Viestintä", count: 3 })).toBe("Viestintä: 3 jäsenyyspyyntöä");
    expect(translate("fi", "groups.requests.title", { group: "Viestintä", count: 0 })).toBe("Viestintä: 0 jäsenyyspyyntöä");
  });

  it("speaks English singular and plural", () => {
    expect(translate("en", "groups.members.title", { group: "Comms", count: 1 })).toBe("Comms: 1 person");
    expect(translate("en", "groups.members.title", { group: "Comms", count: 2 })).toBe("Comms: 2 people");
    expect(translate("en", "elections.method.plurality", { seats: 1 })).toBe("plurality / block vote (1 seat, at most 1 mark per ballot)");
    expect(translate("en", "elections.method.plurality", { seats: 3 })).toBe("plurality / block vote (3 seats, at most 3 marks per ballot)");
  });

  it("speaks Swedish singular and plural", () => {
    expect(translate("sv", "elections.ballots.title", { title: "Val", count: 1 })).toBe("Val: anonym röstsedelslista (1 röstsedel)");
    expect(translate("sv", "elections.ballots.title", { title: "Val", count: 5 })).toBe("Val: anonym röstsedelslista (5 röstsedlar)");
    expect(translate("sv", "digest.footer", { count: 1 })).toBe("1 ny sak. Skickat av council-bot.");
  });

  it("picks an exact =n branch before the category, and each language's own categories", () => {
    const template = "{n, plural, =0 {none} one {one: #} other {other: #}}";
    expect(format("fi-FI", template, { n: 0 })).toBe("none");
    expect(format("fi-FI", template, { n: 1 })).toBe("one: 1");
    expect(format("en-GB", template, { n: 21 })).toBe("other: 21");
    // Fractions are "other" in all three languages: 1.5 votes.
    expect(format("sv-FI", template, { n: 1.5 })).toBe("other: 1.5");
  });

  it("fills parameters inside a branch", () => {
    expect(format("en-GB", "{count, plural, one {# item in {group}} other {# items in {group}}}", { count: 2, group: "Comms" })).toBe("2 items in Comms");
  });

  it("leaves a plural whose number is missing visible, as it does a missing parameter", () => {
    expect(format("en-GB", "Hi {name}: {count, plural, one {# x} other {# xs}}", {})).toBe("Hi {name}: {count, plural, one {# x} other {# xs}}");
  });

  it("keeps braces that are not a placeholder as written", () => {
    expect(format("en-GB", "JSON {\"a\": 1} and {x, select, a {b}}", { x: "a" })).toBe("JSON {\"a\": 1} and {x, select, a {b}}");
  });
});
