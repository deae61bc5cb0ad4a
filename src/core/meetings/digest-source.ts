import { byGroup } from "../digest/by-group.ts";
import { periodPresentation, type DigestSource } from "../digest/source.ts";
import { numberedAgenda, standardTitleKey } from "./agenda-order.ts";
import { minutesStateLine, minutesSummaries } from "./minutes-approval.ts";
import { showTime } from "../shared/show-time.ts";

/**
 * Meetings for the digest: those still ahead (with their agenda once published), and the
 * decisions of meetings that closed in the period, as the minutes record them.
 */
export const meetingsSource: DigestSource = {
  id: "meetings",
  async sections(stores, period) {
    const p = periodPresentation(period);
    const { t } = p;
    const upcoming = [];
    const decisions = [];
    for (const { group, row: meeting } of await byGroup(stores, await stores.meetings.scheduledFromOrClosedIn(period.workspaceId, period.from, period.to))) {
      const heading = t("meetings.heading", { group: group.name, number: meeting.number });
      if (meeting.status === "scheduled" && meeting.startsAt >= period.to) {
        const agenda = meeting.publishedAt ? numberedAgenda(await stores.meetings.items(meeting.id)) : [];
        const titles = agenda.map((i) => `${i.number}. ${i.standard ? t(standardTitleKey(i.standard)) : i.title}`);
        upcoming.push({
          key: `meeting:${meeting.id}${meeting.publishedAt ? ":agenda" : ""}`,
          title: `${heading}: ${showTime(p, "weekdayDateTime", meeting.startsAt)}, ${meeting.place ?? t("meetings.no-place")}`,
          ...(titles.length ? { text: `${t("meetings.agenda")}: ${titles.join("; ")}` } : {}),
        });
      }
      if (meeting.status === "closed" && meeting.closedAt && meeting.closedAt >= period.from && meeting.closedAt < period.to) {
        // Readers learn whether the decisions below stand in checked minutes or still in a draft.
        const summary = (await minutesSummaries(stores, [meeting])).get(meeting.id);
        if (summary) decisions.push({ key: `minutes:${meeting.id}`, title: t("digest.minutes-entry", { heading, state: minutesStateLine(p, summary) }) });
        for (const item of (await stores.meetings.items(meeting.id)).filter((i) => i.standard === null && i.decision)) {
          decisions.push({ key: `decision:${item.id}`, title: `${heading}: ${item.title}`, text: item.decision ?? "" });
        }
      }
    }
    return [
      ...(upcoming.length ? [{ id: "meetings", title: t("digest.section.meetings"), entries: upcoming }] : []),
      ...(decisions.length ? [{ id: "decisions", title: t("digest.section.decisions"), entries: decisions }] : []),
    ];
  },
};
