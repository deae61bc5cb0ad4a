/**
 * How every `npm run bench` section prints its figures: one table per measurement, our figure next
 * to the peer's (the same work done by another program in the same run, on the same machine), the
 * ratio between them, and the issue's target. Ratios compare runs made side by side, so they hold
 * up better than either figure under a loaded machine.
 */
export interface BenchRow {
  readonly what: string;
  readonly ours: number;
  readonly unit: "ms" | "MB" | "/s" | "";
  /** The same work by a peer in the same run: Droop, a bare Bolt app, `node -e 0` … */
  readonly peer?: { readonly name: string; readonly value: number };
  /** "/s" is better when higher; everything else when lower. */
  readonly target?: string;
  /** Shown after the figure: "p99", "of 9 510", … */
  readonly detail?: string;
}

export interface BenchTable {
  readonly title: string;
  readonly rows: readonly BenchRow[];
  /** Lines printed under the table: the set-up, what a figure includes. */
  readonly notes?: readonly string[];
}

/** What a section returns: tables, or (sections not yet converted) lines printed as they are. */
export type BenchResult = readonly BenchTable[] | readonly string[];

const figure = (value: number, unit: BenchRow["unit"]) => {
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits }).replace(/,/g, " ");
  return unit === "" ? text : unit === "/s" ? `${text}/s` : `${text} ${unit}`;
};

/** How many times the peer's cost ours is: above 1 we are slower (or bigger) than the peer. */
export const ratioOf = (row: BenchRow): number | undefined => {
  if (!row.peer || row.peer.value === 0 || row.ours === 0) return undefined;
  return row.unit === "/s" ? row.peer.value / row.ours : row.ours / row.peer.value;
};

/** A Markdown table, ready for the README. */
export function formatTable(table: BenchTable): string {
  const lines = [`### ${table.title}`, "", "| what | ours | peer | ours ÷ peer | target |", "|---|---|---|---|---|"];
  for (const row of table.rows) {
    const ratio = ratioOf(row);
    lines.push(
      `| ${row.what} | ${figure(row.ours, row.unit)}${row.detail ? ` ${row.detail}` : ""} | ${row.peer ? `${row.peer.name}: ${figure(row.peer.value, row.unit)}` : ""} | ${ratio === undefined ? "" : `${ratio.toFixed(2)}×`} | ${row.target ?? ""} |`,
    );
  }
  for (const note of table.notes ?? []) lines.push("", note);
  return lines.join("\n");
}

export const formatResult = (result: BenchResult): string =>
  result.map((item) => (typeof item === "string" ? item : `${formatTable(item)}\n`)).join("\n");

export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
