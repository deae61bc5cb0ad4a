import type { Presentation } from "../../i18n/presentation.ts";
import { buttons, context, direct, fields, heading, list, onlyYou, text, toChannel } from "../../render/build.ts";
import type { CommandCall, Reply } from "../../render/reply.ts";
import { pageFooter } from "../../render/paging.ts";
import { pageOfList, type Page } from "../shared/page.ts";
import type { AuditEntry } from "../audit/event.ts";
import { describeEvent } from "../audit/describe.ts";
import type { MessageKey } from "../../i18n/catalogues.ts";
import { needingHandle } from "../people/names.ts";
import { linkTo } from "../shared/links.ts";
import { showTime } from "../shared/show-time.ts";
import { roles, type Group, type MemberView } from "./group.ts";
import type { RequestView } from "./request.ts";
import { groupRuleNames, ruleChoices, ruleValueMessage, type GroupRuleName } from "./rules.ts";

const byRole = (a: MemberView, b: MemberView) =>
  roles.indexOf(a.role) - roles.indexOf(b.role) || a.displayName.localeCompare(b.displayName, "fi");

/**
 * "Anna (chair)", "Ben (deputy for Anna)"; a member whose name looks like another's and whose
 * organisation does not tell them apart gets their platform id as well (`withHandle`).
 */
export function memberLine(p: Presentation, member: MemberView, members: readonly MemberView[], withHandle: ReadonlySet<string> = new Set()): string {
  const role = p.t(`role.${member.role}`);
  const standsFor = member.deputyOfId ? members.find((m) => m.personId === member.deputyOfId) : undefined;
  const detail = standsFor ? p.t("groups.deputy-for", { role, member: standsFor.displayName }) : role;
  const organisation = member.organisation ? ` · ${member.organisation}` : "";
  const handle = withHandle.has(member.personId) ? ` · ${p.t("people.handle", { handle: member.externalId })}` : "";
  return `${member.displayName} (${detail})${organisation}${handle}`;
}

/**
 * A page of the members. A group's membership is read whole (tens of people, not thousands): the
 * look-alike check and the deputies' members span the group, whichever page shows them.
 */
export function membersReply(p: Presentation, group: Group, members: readonly MemberView[], page = 1): Reply {
  const sorted = pageOfList([...members].sort(byRole), page);
  const withHandle = needingHandle(members.map((m) => ({ id: m.personId, name: m.displayName, organisation: m.organisation })));
  return onlyYou(
    heading(p.t("groups.members.title", { group: group.name, count: members.length })),
    sorted.total ? list(sorted.items.map((m) => memberLine(p, m, members, withHandle))) : text(p.t("groups.members.none")),
    ...pageFooter(p, sorted, { command: "group members", args: { group: group.name } }),
  );
}

export function infoReply(
  p: Presentation,
  group: Group,
  members: readonly MemberView[],
): Reply {
  const count = (role: MemberView["role"]) => members.filter((m) => m.role === role).length;
  const officers = members.filter((m) => ["chair", "vice-chair", "secretary"].includes(m.role)).sort(byRole);
  return onlyYou(
    heading(group.name),
    fields(
      [p.t("groups.info.status"), group.archivedAt ? p.t("groups.info.archived") : p.t("groups.info.active")],
      [p.t("groups.info.officers"), officers.map((o) => `${o.displayName} (${p.t(`role.${o.role}`)})`).join(", ") || "—"],
      [p.t("groups.info.members"), String(members.length - count("deputy") - count("observer"))],
      [p.t("groups.info.deputies"), String(count("deputy"))],
      [p.t("groups.info.channel"), group.channelId ? p.t("groups.info.channel-linked") : p.t("groups.info.no-channel")],
      [p.t("groups.info.created"), showTime(p, "date", group.createdAt)],
    ),
  );
}

export function listReply(p: Presentation, groups: Page<Group>, more: CommandCall): Reply {
  if (groups.total === 0) return onlyYou(text(p.t("groups.list.none")));
  return onlyYou(
    heading(p.t("groups.list.title", { count: groups.total })),
    list(groups.items.map((g) => (g.archivedAt ? p.t("groups.list.archived-entry", { name: g.name }) : g.name))),
    ...pageFooter(p, groups, more),
  );
}

export function historyReply(p: Presentation, group: Group, events: Page<AuditEntry>, more: CommandCall): Reply {
  if (events.total === 0) return onlyYou(text(p.t("groups.history.none", { group: group.name })));
  const footer = pageFooter(p, events, more);
  return onlyYou(
    heading(p.t("groups.history.title", { group: group.name })),
    list(events.items.map((e) => `${showTime(p, "dateTime", e.at)} · ${describeEvent(p, e)}`)),
    // The page's own footer says how many of how many; the plain one where it all fits.
    ...(footer.length ? footer : [context(p.t("groups.history.footer", { count: events.items.length }))]),
  );
}

/** The group's rules in words, each with the values it takes; `changed` names a rule just set. */
export function rulesReply(p: Presentation, group: Group, changed?: GroupRuleName): Reply {
  const line = (rule: GroupRuleName) => {
    const value = group.rules[rule];
    const shown = ruleValueMessage(rule, value);
    return `*${p.t(`rules.${rule}.name`)}* (\`${rule}\`): ${p.t(shown.key, shown.params)} — \`${ruleChoices(rule)}\``;
  };
  return onlyYou(
    ...(changed ? [text(p.t("groups.rule-set", { group: group.name, rule: p.t(`rules.${changed}.name`) }))] : []),
    heading(p.t("groups.rules.title", { group: group.name })),
    list(groupRuleNames.map(line)),
    context(p.t("groups.rules.footer", { group: group.name })),
  );
}

// Buttons name the group and the requester exactly (the requester by platform id), so that
// pressing one finds the same request on every platform.
const answerButtons = (p: Presentation, group: Group, requester: Pick<RequestView, "externalId">) => {
  const args = { group: group.name, person: requester.externalId };
  return buttons(
    { label: p.t("groups.request.accept"), call: linkTo("group accept", args), style: "primary" },
    { label: p.t("groups.request.decline"), call: linkTo("group decline", args), style: "danger" },
  );
};

/** Tells an officer (directly) or the group's channel that someone asks to join, with the answers. */
export function requestNotice(
  p: Presentation,
  group: Group,
  requester: Pick<RequestView, "displayName" | "externalId">,
  where: "direct" | "channel",
): Reply {
  return (where === "direct" ? direct : toChannel)(
    text(p.t("groups.request.notice", { person: requester.displayName, group: group.name })),
    answerButtons(p, group, requester),
  );
}

/** The pending requests, each with its answers. */
/** A page of the pending requests, each with its buttons; the look-alike check spans them all. */
export function requestsReply(p: Presentation, group: Group, requests: readonly RequestView[], page = 1): Reply {
  if (requests.length === 0) return onlyYou(text(p.t("groups.requests.none", { group: group.name })));
  const withHandle = needingHandle(requests.map((r) => ({ id: r.personId, name: r.displayName, organisation: null })));
  const shown = pageOfList(requests, page);
  return onlyYou(
    heading(p.t("groups.requests.title", { group: group.name, count: requests.length })),
    ...shown.items.flatMap((r) => [text(withHandle.has(r.personId) ? `${r.displayName} · ${p.t("people.handle", { handle: r.externalId })}` : r.displayName), answerButtons(p, group, r)]),
    ...pageFooter(p, shown, { command: "group requests", args: { group: group.name } }),
  );
}

export const acceptedNotice = (p: Presentation, group: Group): Reply => direct(text(p.t("groups.request.accepted", { group: group.name })));
export const declinedNotice = (p: Presentation, group: Group): Reply => direct(text(p.t("groups.request.declined", { group: group.name })));
