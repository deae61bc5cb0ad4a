import type { Presentation } from "../../i18n/presentation.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { AgendaItem } from "./meeting.ts";

/**
 * What the minutes say under an item besides its decision and counts: the threshold when it was
 * three quarters, a tie the chair decided, who was disqualified, and each dissenting opinion.
 */
export async function itemNotes(
  stores: Stores,
  p: Presentation,
  items: readonly AgendaItem[],
  nameOf: (personId: string) => string,
): Promise<(itemId: string) => string[]> {
  const ids = items.map((i) => i.id);
  const [laws, recusals, dissents] = await Promise.all([stores.law.items(ids), stores.law.recusals(ids), stores.law.dissents(ids)]);
  return (itemId) => {
    const lines: string[] = [];
    const law = laws.find((l) => l.itemId === itemId);
    if (law?.passed != null) {
      const how = law.threshold === "three-quarters" ? "minutes.outcome.three-quarters" : law.tieBreak === "chair" ? "minutes.outcome.chair" : "minutes.outcome.majority";
      lines.push(`**${p.t("minutes.outcome")}:** ${p.t(law.passed ? "minutes.outcome.passed" : "minutes.outcome.rejected")} (${p.t(how)})`);
    }
    const recused = recusals.filter((r) => r.itemId === itemId).map((r) => nameOf(r.personId));
    if (recused.length) lines.push(`**${p.t("minutes.recused")}:** ${p.t("minutes.recused-names", { names: recused.join(", ") })}`);
    for (const d of dissents.filter((x) => x.itemId === itemId)) {
      lines.push(`**${p.t("minutes.dissent", { name: nameOf(d.personId) })}:** ${d.text}`);
    }
    return lines;
  };
}
