import { html, type Markup } from "./markup.ts";

// The count drawn as inline SVG, one block per round: every candidate's votes after the round as a
// bar, split into what they had before it (dark), what was transferred to them in it (green) and
// what was transferred away (a dashed outline up to where they were). A dashed vertical line is the
// quota (STV) or the majority threshold (IRV). Drawn on the server, so a page needs no script; the
// viewBox scales to a phone's width.

export interface ChartRound {
  readonly number: number;
  readonly votes: Readonly<Record<string, number>>;
  readonly nonTransferable: number;
  readonly threshold?: number | undefined;
}

export interface ChartText {
  /** The chart's accessible title. */
  readonly title: string;
  /** A round's heading, e.g. "Kierros 2: karsinta". */
  round(round: ChartRound): string;
  /** The quota line's label, e.g. "Äänikynnys (Droop) 3,50000", or null without one. */
  quota(value: number): string;
  votes(value: number): string;
  /** The row of votes that could not be transferred (STV, IRV); null to leave it out. */
  readonly nonTransferable: string | null;
}

export interface ChartInput {
  readonly rounds: readonly ChartRound[];
  /** In the order the rows are drawn. */
  readonly candidates: readonly { readonly id: string; readonly name: string }[];
  readonly elected: readonly string[];
  readonly quota?: number | undefined;
  /**
   * Whether a round's change from the one before is a transfer of votes (STV, IRV). In a list
   * vote the rounds are personal votes and then comparison numbers: drawn as plain bars.
   */
  readonly transfers: boolean;
  readonly text: ChartText;
}

const WIDTH = 360;
const ROW = 30;
const HEADING = 24;
const GAP = 14;
const LEGEND = 26;
const NON_TRANSFERABLE = "-";

const rounded = (value: number) => Math.round(value * 10) / 10;

export function roundsChart(input: ChartInput): Markup {
  const { rounds, text } = input;
  const rows = [...input.candidates, ...(text.nonTransferable === null ? [] : [{ id: NON_TRANSFERABLE, name: text.nonTransferable }])];
  const votesIn = (round: ChartRound | undefined, id: string): number | undefined =>
    round === undefined ? undefined : id === NON_TRANSFERABLE ? round.nonTransferable : round.votes[id];
  const lines = rounds.map((r) => r.threshold ?? input.quota);
  const largest = Math.max(1, ...rounds.flatMap((r) => rows.map((row) => votesIn(r, row.id) ?? 0)), ...lines.map((l) => l ?? 0));
  const x = (votes: number) => rounded((votes / largest) * WIDTH);
  const legend = input.quota === undefined ? 0 : LEGEND;
  const roundHeight = HEADING + rows.length * ROW + GAP;
  const height = legend + rounds.length * roundHeight;
  const elected = new Set(input.elected);

  const bar = (id: string, round: ChartRound, previous: ChartRound | undefined, top: number) => {
    const now = votesIn(round, id) ?? 0;
    // In the first round there is nothing before it: everything is the candidate's own.
    const before = previous === undefined || !input.transfers ? now : (votesIn(previous, id) ?? 0);
    const kept = Math.min(before, now);
    const gained = now - kept;
    const lost = before - kept;
    return html`<rect class="kept" x="0" y="${top}" width="${x(kept)}" height="10" fill="#1f4e79"/>${
      gained > 0 ? html`<rect class="gained" data-gained="${text.votes(gained)}" x="${x(kept)}" y="${top}" width="${rounded(x(now) - x(kept))}" height="10" fill="#2e8b57"/>` : null
    }${
      lost > 0
        ? html`<rect class="lost" data-lost="${text.votes(lost)}" x="${x(kept)}" y="${top + 0.5}" width="${rounded(x(before) - x(kept))}" height="9" fill="none" stroke="#b22222" stroke-dasharray="3 2"/>`
        : null
    }`;
  };

  const block = (round: ChartRound, index: number) => {
    const top = legend + index * roundHeight;
    const line = lines[index];
    const body = rows.map((row, i) => {
      const y = top + HEADING + i * ROW;
      const now = votesIn(round, row.id);
      const chosen = elected.has(row.id);
      return html`<g data-candidate="${row.id}"><text x="0" y="${y + 11}" font-size="12"${chosen ? html` font-weight="bold"` : null}>${row.name}${chosen ? " ✓" : ""}</text><text x="${WIDTH}" y="${y + 11}" font-size="12" text-anchor="end">${now === undefined ? "–" : text.votes(now)}</text>${bar(row.id, round, rounds[index - 1], y + 15)}</g>`;
    });
    const quota =
      line === undefined
        ? null
        : html`<line data-quota="${text.votes(line)}" x1="${x(line)}" x2="${x(line)}" y1="${top + HEADING - 4}" y2="${top + HEADING + rows.length * ROW}" stroke="#444" stroke-dasharray="4 3"/>`;
    return html`<g class="round" data-round="${round.number}"><text x="0" y="${top + 16}" font-size="13" font-weight="bold">${text.round(round)}</text>${body}${quota}</g>`;
  };

  const legendLine =
    input.quota === undefined
      ? null
      : html`<g class="legend"><line x1="0" x2="24" y1="9" y2="9" stroke="#444" stroke-dasharray="4 3"/><text x="30" y="13" font-size="12">${text.quota(input.quota)}</text></g>`;
  return html`<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${text.title}" data-rounds="${rounds.length}" font-family="system-ui, sans-serif"><title>${text.title}</title>${legendLine}${rounds.map(block)}</svg>`;
}
