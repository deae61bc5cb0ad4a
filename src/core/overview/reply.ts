import type { MessageKey } from "../../i18n/catalogues.ts";
import type { Presentation } from "../../i18n/presentation.ts";
import { context, divider, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Block, Reply } from "../../render/reply.ts";
import { methodName, stateName } from "../elections/replies.ts";
import { minutesStateLine } from "../meetings/minutes-approval.ts";
import { showTime } from "../shared/show-time.ts";
import type { Overview } from "./overview.ts";

/** A proposal can run to 2 000 characters: the overview names it by its first line, cut short. */
const firstLine = (proposal: string): string => {
  const line = proposal.split("\n", 1)[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

const section = (title: string, items: readonly string[]): Block[] => (items.length > 0 ? [divider(), text(`*${title}*`), list(items)] : []);

/**
 * The overview in the neutral model: the same reply on the console, Slack, Discord and Slack's
 * Home tab. Empty sections are left out; the groups section always shows, so nobody reads a blank.
 */
export function overviewReply(p: Presentation, overview: Overview): Reply {
  const { t } = p;
  const groups = overview.groups.map((g) => (g.archivedAt ? t("groups.list.archived-entry", { name: g.name }) : g.name));
  const meetings = overview.meetings.map(({ group, meeting: m }) =>
    t("overview.meeting", { group: group.name, number: m.number, when: showTime(p, "weekdayDateTime", m.startsAt), place: m.place ?? t("meetings.no-place"), status: t(`meetings.status.${m.status}`) }),
  );
  const deadlines = overview.deadlines.map(({ group, meeting: m }) =>
    t("overview.deadline", { group: group.name, number: m.number, deadline: showTime(p, "weekdayDateTime", m.agendaDeadline) }),
  );
  const elections = overview.elections.map(({ group, election: e, ballot }) => {
    const entry = `${group.name}: ${t("elections.list.entry", { id: e.id, title: e.title, method: methodName(p, e), state: stateName(p, e) })}`;
    return ballot ? `${entry} — ${t(`overview.ballot.${ballot}` as MessageKey, { id: e.id })}` : entry;
  });
  const decisions = overview.decisions.map(({ group, decision: d, answer }) => {
    const entry = t("overview.decision", { group: group.name, number: d.number, proposal: firstLine(d.proposal), deadline: showTime(p, "weekdayDateTime", d.deadline) });
    return answer ? `${entry} — ${t(`overview.decision.${answer}`, { group: group.name, number: d.number })}` : entry;
  });
  const minutes = overview.minutes.map(({ group, meeting: m, summary, toCheck }) => {
    const entry = t("overview.minutes-entry", { group: group.name, number: m.number, state: minutesStateLine(p, summary) });
    return toCheck ? `${entry} — ${t("overview.minutes-yours", { group: group.name, number: m.number })}` : entry;
  });
  const actions = overview.actions.map((a) =>
    t("actions.line", { group: a.groupName, number: a.number, text: a.text, owner: a.ownerName, due: showTime(p, "date", a.dueDate) }),
  );
  return onlyYou(
    heading(t("overview.title")),
    text(`*${t("overview.groups")}*`),
    groups.length > 0 ? list(groups) : text(t("overview.no-groups")),
    ...section(t("overview.meetings"), meetings),
    ...section(t("overview.deadlines"), deadlines),
    ...section(t("overview.elections"), elections),
    ...section(t("overview.decisions"), decisions),
    ...section(t("overview.minutes"), minutes),
    ...section(t("actions.title-mine"), actions),
    divider(),
    context(t(overview.truncated ? "overview.hint-more" : "overview.hint")),
  );
}
