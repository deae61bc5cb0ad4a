// How a count reads, round by round: one line an event and who was elected why, with votes written
// as the method counts them. Apart from the results reply so that the tally CLI, which needs only
// these lines, carries none of the election's chat replies (nor what they import) into its bundle.
import { formatDecimal } from "../../i18n/decimal.ts";
import type { Presentation } from "../../i18n/presentation.ts";
import type { TallyTranslator } from "../../i18n/tally-words.ts";
import type { CountResult, RoundEvent } from "./counting/index.ts";

/** Votes as the count has them: five decimals for STV (transfer values), up to five for comparison numbers and shares, whole votes otherwise. */
export const voteFormatter = (p: Pick<Presentation, "locale">, method: string) => {
  const decimals = method === "stv" ? 5 : 0;
  const fractional = method === "dhondt" || method === "lists" || method === "harmonic";
  const digits = { minimumFractionDigits: decimals, maximumFractionDigits: fractional ? 5 : decimals };
  return (value: number) => formatDecimal(p.locale, value, digits);
};

export function describeRoundEvent(p: { readonly t: TallyTranslator }, event: RoundEvent, name: (id: string) => string, votes: (value: number) => string): string {
  switch (event.kind) {
    case "withdrawn":
      return p.t("tally.event.withdrawn", { candidate: name(event.candidate) });
    case "elected":
    case "elected-as-remaining":
    case "excluded":
      return p.t(`tally.event.${event.kind}`, { candidate: name(event.candidate), votes: votes(event.votes) });
    case "skipped-sector-full":
      return p.t("tally.event.skipped-sector-full", { candidate: name(event.candidate), sector: event.sector });
    case "surplus-transferred":
      return p.t("tally.event.surplus-transferred", { candidate: name(event.candidate), surplus: votes(event.surplus), transferValue: votes(event.transferValue) });
    case "non-transferable":
      return p.t("tally.event.non-transferable", { votes: votes(event.votes), total: votes(event.total) });
  }
}

/** Who was elected at which round, and why: quota reached, a majority, most votes, or the seats left. */
export function electedExplained(p: Presentation, count: CountResult, name: (id: string) => string, votes: (value: number) => string): string[] {
  const lines: string[] = [];
  for (const round of count.rounds) {
    for (const event of round.events) {
      if (event.kind !== "elected" && event.kind !== "elected-as-remaining") continue;
      const why =
        event.kind === "elected-as-remaining"
          ? p.t("elections.results.why.remaining")
          : count.method === "stv"
            ? p.t("elections.results.why.quota", { quota: votes(count.quota ?? 0) })
            : count.method === "irv"
              ? p.t("elections.results.why.majority")
              : count.method === "dhondt" || count.method === "lists"
                ? p.t("elections.results.why.comparison")
                : p.t("elections.results.why.most-votes");
      lines.push(p.t("elections.results.elected-line", { name: name(event.candidate), round: round.number, votes: votes(event.votes), why }));
    }
  }
  return lines;
}
