import { describe, expect, it } from "vitest";
import { parseLine, tokenize } from "../../../src/commands/parse-text.ts";
import { commands } from "../../../src/commands/registry.ts";
import { summaryKey, exampleKey, argSpecs, usageLine } from "../../../src/commands/usage.ts";
import { validateArgs } from "../../../src/commands/validate.ts";
import { catalogues } from "../../../src/i18n/catalogues.ts";
import { translate } from "../../../src/i18n/translate.ts";
import { presentation } from "../../../src/i18n/presentation.ts";
import { Refusal } from "../../../src/core/shared/refusal.ts";

const refusalOf = (run: () => unknown): Refusal => {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};
const inFinnish = (refusal: Refusal) => translate("fi", `refusal.${refusal.code}`, refusal.params);

describe("the command grammar", () => {
  it("reads quoted names, including the typographic quotes phones type", () => {
    expect(tokenize("/council group add Viestintä ”Maija Virtanen” deputy")).toEqual(["group", "add", "Viestintä", "Maija Virtanen", "deputy"]);
  });

  it("refuses a name whose opening quote is never closed, with the command's example, and keeps a text's quotes as typed", () => {
    for (const line of ['group create "Viestintä ja media', "group add ”Viestintä Maija", 'group rename Viestintä "Viestintä ja media', 'profile set name "Maija Virtanen']) {
      const refusal = refusalOf(() => parseLine(commands, line));
      expect(refusal.code).toBe("command.unclosed-quote");
      expect(inFinnish(refusal)).toMatch(/^Lainausmerkki sanan .+ alussa jää sulkematta: monisanainen nimi kirjoitetaan kahden lainausmerkin väliin\. Esim\. \/council (group create|group add|group rename|profile set) /);
    }
    expect(parseLine(commands, 'group create "Viestintä ja media"').raw).toEqual({ name: "Viestintä ja media" });
    expect(parseLine(commands, 'agenda add Viestintä "Budjetti 2027').raw).toMatchObject({ item: '"Budjetti 2027' });
  });

  it("gives the rest of the line to a name that takes it", () => {
    const parsed = parseLine(commands, "group create Kunta-hyte-yhteistyö ja hyvinvointi");
    expect(parsed.command.path).toEqual(["group", "create"]);
    expect(parsed.raw).toEqual({ name: "Kunta-hyte-yhteistyö ja hyvinvointi" });
  });

  it("accepts the line with or without the /council prefix, in any case", () => {
    expect(parseLine(commands, "/COUNCIL Group List --all").raw).toEqual({ all: true });
    expect(parseLine(commands, "group list").raw).toEqual({});
  });

  it("suggests the closest commands for a misspelt one", () => {
    const refusal = refusalOf(() => parseLine(commands, "grop lst"));
    expect(refusal.code).toBe("command.unknown");
    expect(String(refusal.params.suggestions).split(", ")[0]).toBe("/council group list");
  });

  it("suggests within the topic when the topic is typed right", () => {
    const suggestions = String(refusalOf(() => parseLine(commands, "election open-voting")).params.suggestions).split(", ");
    expect(suggestions[0]).toBe("/council election open");
    expect(suggestions.every((s) => s.startsWith("/council election "))).toBe(true);
  });

  it("answers a topic's name alone with the topic's help, and still suggests for a wrong command in it", () => {
    const alone = parseLine(commands, "/council election");
    expect(alone.command.path).toEqual(["help"]);
    expect(alone.raw).toEqual({ topic: "election" });
    expect(parseLine(commands, "Group").raw).toEqual({ topic: "group" });
    const wrong = refusalOf(() => parseLine(commands, "election lst"));
    expect(wrong.code).toBe("command.unknown");
    expect(String(wrong.params.suggestions)).toContain("/council election list");
    expect(refusalOf(() => parseLine(commands, "budget")).code).toBe("command.unknown");
  });

  it("reads a flag right before a rest text as the flag, where help shows it, and refuses a misspelt one there", () => {
    const parsed = parseLine(commands, "decide Viestintä 20.12.2026 --unanimous Hyväksytään uusi logo");
    expect(parsed.raw).toEqual({ group: "Viestintä", deadline: "20.12.2026", unanimous: true, decision: "Hyväksytään uusi logo" });
    expect(refusalOf(() => parseLine(commands, "decide Viestintä 20.12.2026 --unanimus Hyväksytään")).code).toBe("command.unknown-flag");
    // Inside the text a flag-like word stays text.
    expect(parseLine(commands, "decide Viestintä 20.12.2026 Hyväksytään --unanimous-ehdotus").raw).toMatchObject({ decision: "Hyväksytään --unanimous-ehdotus" });
  });

  it("reads keywords in each language and any case, as phones capitalise them", () => {
    const fi = presentation("fi", "Europe/Helsinki");
    const read = (line: string) => {
      const { command, raw } = parseLine(commands, line);
      return validateArgs(fi, command, raw);
    };
    expect(read("lang Svenska")).toMatchObject({ language: "sv" });
    expect(read("lang EN")).toMatchObject({ language: "en" });
    expect(read("lang suomi")).toMatchObject({ language: "fi" });
    expect(read("meeting here Viestintä etänä")).toMatchObject({ mode: "remote" });
    expect(read("meeting here Viestintä Distans")).toMatchObject({ mode: "remote" });
    expect(read('meeting attend Viestintä "Maija Virtanen" poissa')).toMatchObject({ mode: "absent" });
    expect(read("profile set kunta Kuopio")).toMatchObject({ field: "municipality", value: "Kuopio" });
    expect(read("profile set Bransch Kultur")).toMatchObject({ field: "sector" });
    expect(read("digest schedule viikoittain #tiedotteet")).toMatchObject({ period: "weekly" });
    expect(refusalOf(() => read("meeting here Viestintä kotona")).code).toBe("usage.invalid");
    expect(refusalOf(() => read("group link-channel Viestintä #")).code).toBe("usage.invalid");
    expect(read("group link-channel Viestintä #tiedotteet")).toMatchObject({ channel: "#tiedotteet" });
    // A number that names a thing may carry its sign.
    expect(read("action done Viestintä #2")).toMatchObject({ number: 2 });
    expect(read("agenda defer Viestintä #5")).toMatchObject({ item: 5 });
  });

  it("refuses extra words and says how to quote a name with spaces", () => {
    const refusal = refusalOf(() => parseLine(commands, "group join Viestintä ja media"));
    expect(refusal.code).toBe("command.too-many-arguments");
    expect(inFinnish(refusal)).toContain('"Maija Virtanen"');
  });

  it("explains a bad argument with the usage and a correct example", () => {
    const { command, raw } = parseLine(commands, "group role Viestintä Maija boss");
    const refusal = refusalOf(() => validateArgs(presentation("en", "Europe/Helsinki"), command, raw));
    const text = translate("en", "refusal.usage.invalid", refusal.params);
    expect(text).toContain('"boss" is not an option');
    expect(text).toContain("Usage: /council group role <group> <person> <role>");
    expect(text).toContain('Example: /council group role Communications "Mary Smith" secretary');
  });

  it("says a missing choice is missing, not that nothing is not an option", () => {
    const { command, raw } = parseLine(commands, "election timetable e7k2m9q");
    const refusal = refusalOf(() => validateArgs(presentation("en", "Europe/Helsinki"), command, raw));
    const text = translate("en", "refusal.usage.invalid", refusal.params);
    expect(text).toContain("The phase (nominations, voting or closes) is missing.");
    expect(text).not.toContain("undefined");
    expect(text).toMatch(/Example: \/council election timetable e7k2m9q closes \d{1,2}\.\d{1,2}\.\d{4} 18:00/);
  });

  it("refuses a group name over the length limit, saying the limit", () => {
    const { command, raw } = parseLine(commands, `group create ${"x".repeat(81)}`);
    const refusal = refusalOf(() => validateArgs(presentation("fi", "Europe/Helsinki"), command, raw));
    expect(translate("fi", "refusal.usage.invalid", refusal.params)).toContain("enintään 80 merkkiä");
  });

  it("keeps a typed text exactly as typed: quotes, apostrophes, dashes and flag-like words", () => {
    const cases = [
      [`news add Viestintä "lainausmerkit" ja 'heittomerkit'`, `"lainausmerkit" ja 'heittomerkit'`],
      ["news add Viestintä Organisations' forum -- kokous", "Organisations' forum -- kokous"],
      ["news add Viestintä Päätös: --confirm ei ole lippu tässä, eikä --verbose", "Päätös: --confirm ei ole lippu tässä, eikä --verbose"],
      ["news add Viestintä ”Typografiset” lainaukset ’myös’", "”Typografiset” lainaukset ’myös’"],
      ['news add Viestintä "Koko teksti lainattuna"', "Koko teksti lainattuna"],
    ] as const;
    for (const [line, text] of cases) {
      const parsed = parseLine(commands, line);
      expect(parsed.raw.news, line).toBe(text);
      expect(parsed.confirmed, line).toBe(false);
    }
  });

  it("takes flags before a text, and flags that end the line", () => {
    const ended = parseLine(commands, `agenda add Viestintä Budjetti "2027" --confirm`);
    expect(ended.confirmed).toBe(true);
    expect(Object.values(ended.raw)).toContain(`Budjetti "2027"`);
    expect(parseLine(commands, "group list --all").raw).toEqual({ all: true });
    expect(refusalOf(() => parseLine(commands, "group list --verbose")).code).toBe("command.unknown-flag");
  });

  it("keeps a lone apostrophe inside a quoted name's neighbour, and an odd quote as a character", () => {
    expect(parseLine(commands, `group create Organisations' forum`).raw).toEqual({ name: "Organisations' forum" });
    expect(parseLine(commands, `group add "Viestintä ja media" "Maija Virtanen" deputy`).raw).toEqual({ group: "Viestintä ja media", person: "Maija Virtanen", role: "deputy" });
    // A name's quote left open is refused (it would stay part of the name), not kept.
    expect(refusalOf(() => parseLine(commands, `group create "Puolikas`)).code).toBe("command.unclosed-quote");
  });

  it("has a summary, an example and argument names in every language for every command", () => {
    const fi = catalogues.fi as Record<string, string>;
    const missing = commands.flatMap((c) => [
      ...(c.hidden ? [] : [summaryKey(c), exampleKey(c)]),
      ...argSpecs(c).map((a) => `arg.${a.name}`),
    ]).filter((key) => !(key in fi));
    expect(missing).toEqual([]);
  });

  it("has examples that are themselves valid commands", () => {
    for (const locale of ["fi", "en", "sv"] as const) {
      for (const command of commands.filter((c) => !c.hidden)) {
        const example = translate(locale, exampleKey(command));
        const parsed = parseLine(commands, example);
        expect(parsed.command.path, example).toEqual(command.path);
        expect(() => validateArgs(presentation(locale, "Europe/Helsinki"), parsed.command, parsed.raw), example).not.toThrow();
      }
    }
  });

  it("takes --page with its value anywhere a flag may go, and shows it so in the usage", () => {
    expect(parseLine(commands, "agenda list Viestintä --page 3 2").raw).toEqual({ group: "Viestintä", page: "3", meeting: "2" });
    expect(parseLine(commands, "group list --all --page 2").raw).toEqual({ all: true, page: "2" });
    const command = parseLine(commands, "group list").command;
    const fi = presentation("fi", "Europe/Helsinki");
    expect(validateArgs(fi, command, { page: "2" })).toMatchObject({ page: 2 });
    expect(inFinnish(refusalOf(() => validateArgs(fi, command, { page: "0" })))).toContain("sivu");
    expect(usageLine(fi, command)).toBe("/council group list [--all] [--page <sivu>]");
  });
});
