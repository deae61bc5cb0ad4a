import { describe, expect, it } from "vitest";
import { roundsChart, type ChartInput, type ChartRound } from "../../../adapters/web/results/chart.ts";
import { html } from "../../../adapters/web/results/markup.ts";

// The chart is a pure function from the count's rounds to SVG markup: these read the markup as a
// browser would, by its elements and data attributes.

const text: ChartInput["text"] = {
  title: "Edustajat: äänet kierroksittain",
  round: (round) => `Kierros ${round.number}`,
  quota: (value) => `Äänikynnys ${value}`,
  votes: (value) => String(value),
  nonTransferable: "Ei siirrettävissä",
};
const candidates = [
  { id: "1", name: "Anna" },
  { id: "2", name: "Bertta <script>alert(1)</script>" },
  { id: "3", name: "Cecilia" },
];
// Anna's surplus of 1 goes to Bertta, then Cecilia is excluded and her 2 votes go to Bertta.
const rounds: ChartRound[] = [
  { number: 1, votes: { "1": 5, "2": 2, "3": 2 }, nonTransferable: 0 },
  { number: 2, votes: { "1": 4, "2": 3, "3": 2 }, nonTransferable: 0 },
  { number: 3, votes: { "1": 4, "2": 5, "3": 0 }, nonTransferable: 0 },
];
const all = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].map((m) => m[1]);

describe("the round-by-round chart", () => {
  const svg = roundsChart({ rounds, candidates, elected: ["1", "2"], quota: 4, transfers: true, text }).text;

  it("draws one group per round, each with a row for every candidate and the non-transferable votes", () => {
    expect(all(svg, /data-round="(\d+)"/g)).toEqual(["1", "2", "3"]);
    expect(svg).toContain('data-rounds="3"');
    expect(all(svg, /data-candidate="([^"]+)"/g)).toEqual([1, 2, 3].flatMap(() => ["1", "2", "3", "-"]));
    expect(svg).toContain("<title>Edustajat: äänet kierroksittain</title>");
  });

  it("shows the quota as a line in every round and in the legend", () => {
    expect(all(svg, /data-quota="([^"]+)"/g)).toEqual(["4", "4", "4"]);
    expect(svg).toContain("Äänikynnys 4");
  });

  it("shows what a round transferred: the surplus leaving Anna and reaching Bertta, then Cecilia's votes", () => {
    const round = (n: number) => svg.split('data-round="').find((part) => part.startsWith(`${n}"`))!;
    expect(round(1)).not.toContain("data-gained");
    expect(round(1)).not.toContain("data-lost");
    expect(all(round(2), /data-lost="([^"]+)"/g)).toEqual(["1"]);
    expect(all(round(2), /data-gained="([^"]+)"/g)).toEqual(["1"]);
    expect(all(round(3), /data-gained="([^"]+)"/g)).toEqual(["2"]);
    expect(all(round(3), /data-lost="([^"]+)"/g)).toEqual(["2"]);
  });

  it("marks the elected and escapes every name", () => {
    expect(svg).toContain("Anna ✓");
    expect(svg).toContain("Bertta &lt;script&gt;alert(1)&lt;/script&gt; ✓");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain(">Cecilia<");
  });

  it("is a bar chart for a single-round count: one group, no transfers, no quota line without a quota", () => {
    const single = roundsChart({ rounds: [rounds[0]!], candidates, elected: ["1"], transfers: true, text: { ...text, nonTransferable: null } }).text;
    expect(all(single, /data-round="(\d+)"/g)).toEqual(["1"]);
    expect(all(single, /data-candidate="([^"]+)"/g)).toEqual(["1", "2", "3"]);
    expect(single).not.toMatch(/data-quota|data-gained|data-lost|class="legend"/);
  });

  it("draws rounds that are no transfers (a list vote's comparison numbers) as plain bars", () => {
    const plain = roundsChart({ rounds, candidates, elected: ["1"], transfers: false, text: { ...text, nonTransferable: null } }).text;
    expect(all(plain, /data-round="(\d+)"/g)).toEqual(["1", "2", "3"]);
    expect(plain).not.toMatch(/data-gained|data-lost/);
  });

  it("keeps bars in proportion to the largest number shown", () => {
    const widths = all(svg, /class="kept" x="0" y="[\d.]+" width="([\d.]+)"/g).map(Number);
    // Round 1: Anna 5 is the largest value anywhere, so her bar spans the whole width.
    expect(widths.slice(0, 3)).toEqual([360, 144, 144]);
  });
});

describe("markup", () => {
  it("escapes text, keeps markup made by html, and writes nothing for null, undefined and false", () => {
    expect(html`<p title="${'"x" & y'}">${["<a>", html`<b>${"'"}</b>`]}${null}${undefined}${false}${0}</p>`.text).toBe(
      '<p title="&quot;x&quot; &amp; y">&lt;a&gt;<b>&#39;</b>0</p>',
    );
  });
});
