import { describe, expect, it } from "vitest";
import { splitNews } from "../../../src/core/digest/news.ts";
import { parseItemInput } from "../../../src/core/meetings/item-input.ts";

describe("a title and its text on one typed line", () => {
  it("splits at two dashes, or at the long dash a phone makes of them", () => {
    expect(parseItemInput("Budjetti 2027 -- Luonnos liitteenä")).toEqual({ title: "Budjetti 2027", text: "Luonnos liitteenä", link: null });
    expect(parseItemInput("Budjetti 2027 — Luonnos liitteenä")).toEqual({ title: "Budjetti 2027", text: "Luonnos liitteenä", link: null });
    expect(splitNews("Forum — Registration is open https://example.org")).toEqual({ title: "Forum", body: "Registration is open", link: "https://example.org" });
  });

  it("takes the two dashes first, so a long dash in the title stays there", () => {
    expect(parseItemInput("Kevät — syksy -- Aikataulut")).toEqual({ title: "Kevät — syksy", text: "Aikataulut", link: null });
  });

  it("leaves dashes inside words and ranges alone", () => {
    expect(parseItemInput("Klo 9—12 työpaja")).toEqual({ title: "Klo 9—12 työpaja", text: null, link: null });
    expect(splitNews("Vain otsikko")).toBeNull();
  });
});
