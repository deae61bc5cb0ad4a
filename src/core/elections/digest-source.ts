import { say } from "../../i18n/presentation.ts";
import { byGroup } from "../digest/by-group.ts";
import { periodPresentation, type DigestSource } from "../digest/source.ts";
import { outcome } from "./closing.ts";

/** Elections whose count closed in the period: the outcome, and whether it has been approved. */
export const electionsSource: DigestSource = {
  id: "elections",
  async sections(stores, period) {
    const p = periodPresentation(period);
    const { t } = p;
    const entries = [];
    for (const { group, row: election } of await byGroup(stores, await stores.elections.closedIn(period.workspaceId, period.from, period.to))) {
      const candidates = await stores.elections.candidates(election.id);
      entries.push({
        key: `election:${election.id}`,
        title: t("digest.elections.entry", { title: election.title, group: group.name }),
        text: say(p, outcome(election, candidates)),
      });
    }
    return entries.length ? [{ id: "results", title: t("digest.section.results"), entries }] : [];
  },
};
