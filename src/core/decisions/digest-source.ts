import { byGroup } from "../digest/by-group.ts";
import { periodPresentation, type DigestSource } from "../digest/source.ts";
import { showTime } from "../shared/show-time.ts";

/**
 * Decisions without a meeting for the digest: proposals still taking answers (so members who missed
 * the buttons learn of them), and those decided during the period with their outcome. They share the
 * meetings' "decisions" section: a reader looks for what was decided in one place.
 */
export const decisionsSource: DigestSource = {
  id: "decisions",
  async sections(stores, period) {
    const p = periodPresentation(period);
    const { t } = p;
    const entries = [];
    for (const { group, row: decision } of await byGroup(stores, await stores.decisions.openOrDecidedIn(period.workspaceId, period.from, period.to))) {
      const heading = t("decision.proposal.title", { group: group.name, number: decision.number });
      if (decision.state === "open" && decision.createdAt < period.to) {
        entries.push({
          key: `decision-open:${decision.id}`,
          title: `${heading}: ${t("digest.decision.open", { deadline: showTime(p, "weekdayDateTime", decision.deadline) })}`,
          text: decision.proposal,
        });
      }
      if (decision.outcome && decision.closedAt && decision.closedAt >= period.from && decision.closedAt < period.to) {
        entries.push({ key: `decision-closed:${decision.id}`, title: `${heading}: ${t(`decision.outcome.${decision.outcome}`)}`, text: decision.proposal });
      }
    }
    return entries.length ? [{ id: "decisions", title: t("digest.section.decisions"), entries }] : [];
  },
};
