import { describe, expect, it } from "vitest";
import { checkChosenName, cleanSuppliedName, namesConfusable, needingHandle } from "../../../src/core/people/names.ts";

const nfd = (s: string) => s.normalize("NFD");

describe("a name a user chooses", () => {
  it("is stored in NFC with its spacing tidied", () => {
    expect(checkChosenName(`  ${nfd("Viestintä")}   ja  tiedotus `)).toEqual({ ok: true, name: "Viestintä ja tiedotus" });
  });
  it("is refused, naming the characters, when it holds zero-width, bidi or control characters", () => {
    expect(checkChosenName("\u200B\u200C")).toEqual({ ok: false, reason: "hidden", characters: "U+200B, U+200C" });
    expect(checkChosenName("Anna\u202Eatnev")).toEqual({ ok: false, reason: "hidden", characters: "U+202E" });
    for (const ch of ["\u200D", "\u2060", "\uFEFF", "\u2066", "\u2069", "\u200E", "\u200F", "\u061C", "\u0007"]) {
      expect(checkChosenName(`Maija${ch}`).ok, `U+${ch.codePointAt(0)!.toString(16)}`).toBe(false);
    }
  });
  it("is refused when nothing is left", () => {
    expect(checkChosenName("   ")).toEqual({ ok: false, reason: "empty" });
  });
});

describe("a name a platform supplies", () => {
  it("loses its hidden characters and comes out in NFC", () => {
    expect(cleanSuppliedName(`Ma\u200Bija \u202E${nfd("Väänänen")}\u2069`)).toBe("Maija Väänänen");
    expect(cleanSuppliedName("\u200B\uFEFF")).toBe("");
  });
});

describe("confusable names (UTS #39 skeletons, case-insensitive)", () => {
  it("takes NFC/NFD twins, case, Cyrillic look-alikes and rn/m for the same name", () => {
    expect(namesConfusable("Viestintä", nfd("Viestintä"))).toBe(true);
    expect(namesConfusable("Aino Virtanen", "AINO  virtanen")).toBe(true);
    expect(namesConfusable("Aino Virtanen", "\u0410ino Virt\u0430nen")).toBe(true);
    expect(namesConfusable("Mari", "rnari")).toBe(true);
    expect(namesConfusable("Maija", "Ma\u200Bija")).toBe(true);
  });
  it("tells different names apart", () => {
    expect(namesConfusable("Anna", "Anni")).toBe(false);
    expect(namesConfusable("Aino Virtanen", "Aino Virtanen-Kallio")).toBe(false);
  });
  it("asks for a handle where look-alike names are not told apart by organisation", () => {
    const listed = [
      { id: "a", name: "Aino Virtanen", organisation: null },
      { id: "b", name: "\u0410ino Virtanen", organisation: "Kuopion Latu ry" },
      { id: "c", name: "Pekka Korhonen", organisation: null },
    ];
    expect([...needingHandle(listed)]).toEqual(["a"]);
    expect([...needingHandle(listed.map((p) => ({ ...p, organisation: "Kuopion Latu ry" })))]).toEqual(["a", "b"]);
  });
});
