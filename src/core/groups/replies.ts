import { localeTags, type Locale } from "../../i18n/locale.ts";
import type { Translator } from "../../i18n/translate.ts";
import { buttons, context, direct, fields, heading, list, onlyYou, text, toChannel } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { AuditEntry } from "../audit/event.ts";
import { describeEvent } from "../audit/describe.ts";
import type { MessageKey } from "../../i18n/catalogues.ts";
import { needingHandle } from "../people/names.ts";
import { linkTo } from "../shared/links.ts";
import { roles, type Group, type MemberView } from "./group.ts";
import type { RequestView } from "./request.ts";
import { groupRuleNames, groupRuleValues, type GroupRuleName } from "./rules.ts";

const byRole = (a: MemberView, b: MemberView) =>
  roles.indexOf(a.role) - roles.indexOf(b.role) || a.displayName.localeCompare(b.displayName, "fi");

/**
 * "Anna (chair)", "Ben (deputy for Anna)"; a member whose name looks like another's and whose
 * organisation does not tell them apart gets their platform id as well (`withHandle`).
 */
export function memberLine(t: Translator, member: MemberView, members: readonly MemberView[], withHandle: ReadonlySet<string> = new Set()): string {
  const role = t(`role.${member.role}`);
  const standsFor = member.deputyOfId ? members.find((m) => m.personId === member.deputyOfId) : undefined;
  const detail = standsFor ? t("groups.deputy-for", { role, member: standsFor.displayName }) : role;
  const organisation = member.organisation ? ` · ${member.organisation}` : "";
  const handle = withHandle.has(member.personId) ? ` · ${t("people.handle", { handle: member.externalId })}` : "";
  return `${member.displayName} (${detail})${organisation}${handle}`;
}

export function membersReply(t: Translator, group: Group, members: readonly MemberView[]): Reply {
  const sorted = [...members].sort(byRole);
  const withHandle = needingHandle(members.map((m) => ({ id: m.personId, name: m.displayName, organisation: m.organisation })));
  return onlyYou(
    heading(t("groups.members.title", { group: group.name, count: members.length })),
    sorted.length ? list(sorted.map((m) => memberLine(t, m, members, withHandle))) : text(t("groups.members.none")),
  );
}

export function infoReply(
  t: Translator,
  group: Group,
  members: readonly MemberView[],
  locale: Locale,
  timeZone: string,
): Reply {
  const count = (role: MemberView["role"]) => members.filter((m) => m.role === role).length;
  const officers = members.filter((m) => ["chair", "vice-chair", "secretary"].includes(m.role)).sort(byRole);
  return onlyYou(
    heading(group.name),
    fields(
      [t("groups.info.status"), group.archivedAt ? t("groups.info.archived") : t("groups.info.active")],
      [t("groups.info.officers"), officers.map((o) => `${o.displayName} (${t(`role.${o.role}`)})`).join(", ") || "—"],
      [t("groups.info.members"), String(members.length - count("deputy") - count("observer"))],
      [t("groups.info.deputies"), String(count("deputy"))],
      [t("groups.info.channel"), group.channelId ? t("groups.info.channel-linked") : t("groups.info.no-channel")],
      [t("groups.info.created"), group.createdAt.toLocaleDateString(localeTags[locale], { timeZone })],
    ),
  );
}

export function listReply(t: Translator, groups: readonly Group[]): Reply {
  if (groups.length === 0) return onlyYou(text(t("groups.list.none")));
  return onlyYou(
    heading(t("groups.list.title", { count: groups.length })),
    list(groups.map((g) => (g.archivedAt ? t("groups.list.archived-entry", { name: g.name }) : g.name))),
  );
}

export function historyReply(
  t: Translator,
  locale: Locale,
  timeZone: string,
  group: Group,
  events: readonly AuditEntry[],
): Reply {
  if (events.length === 0) return onlyYou(text(t("groups.history.none", { group: group.name })));
  const when = (at: Date) =>
    at.toLocaleString(localeTags[locale], { timeZone, dateStyle: "short", timeStyle: "short" });
  return onlyYou(
    heading(t("groups.history.title", { group: group.name })),
    list(events.map((e) => `${when(e.at)} · ${describeEvent(locale, timeZone, e)}`)),
    context(t("groups.history.footer", { count: events.length })),
  );
}

/** The group's rules in words, each with the values it takes; `changed` names a rule just set. */
export function rulesReply(t: Translator, group: Group, changed?: GroupRuleName): Reply {
  const line = (rule: GroupRuleName) => {
    const value = group.rules[rule];
    const others = groupRuleValues[rule].join(" | ");
    return `*${t(`rules.${rule}.name`)}* (\`${rule}\`): ${t(`rules.${rule}.${value}` as MessageKey)} — \`${others}\``;
  };
  return onlyYou(
    ...(changed ? [text(t("groups.rule-set", { group: group.name, rule: t(`rules.${changed}.name`) }))] : []),
    heading(t("groups.rules.title", { group: group.name })),
    list(groupRuleNames.map(line)),
    context(t("groups.rules.footer", { group: group.name })),
  );
}

// Buttons name the group and the requester exactly (the requester by platform id), so that
// pressing one finds the same request on every platform.
const answerButtons = (t: Translator, group: Group, requester: Pick<RequestView, "externalId">) => {
  const args = { group: group.name, person: requester.externalId };
  return buttons(
    { label: t("groups.request.accept"), call: linkTo("group accept", args), style: "primary" },
    { label: t("groups.request.decline"), call: linkTo("group decline", args), style: "danger" },
  );
};

/** Tells an officer (directly) or the group's channel that someone asks to join, with the answers. */
export function requestNotice(
  t: Translator,
  group: Group,
  requester: Pick<RequestView, "displayName" | "externalId">,
  where: "direct" | "channel",
): Reply {
  return (where === "direct" ? direct : toChannel)(
    text(t("groups.request.notice", { person: requester.displayName, group: group.name })),
    answerButtons(t, group, requester),
  );
}

/** The pending requests, each with its answers. */
export function requestsReply(t: Translator, group: Group, requests: readonly RequestView[]): Reply {
  if (requests.length === 0) return onlyYou(text(t("groups.requests.none", { group: group.name })));
  const withHandle = needingHandle(requests.map((r) => ({ id: r.personId, name: r.displayName, organisation: null })));
  return onlyYou(
    heading(t("groups.requests.title", { group: group.name, count: requests.length })),
    ...requests.flatMap((r) => [text(withHandle.has(r.personId) ? `${r.displayName} · ${t("people.handle", { handle: r.externalId })}` : r.displayName), answerButtons(t, group, r)]),
  );
}

export const acceptedNotice = (t: Translator, group: Group): Reply => direct(text(t("groups.request.accepted", { group: group.name })));
export const declinedNotice = (t: Translator, group: Group): Reply => direct(text(t("groups.request.declined", { group: group.name })));
