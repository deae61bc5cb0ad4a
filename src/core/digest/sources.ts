import { newsKey } from "./news.ts";
import { periodPresentation, type DigestSource } from "./source.ts";

/** News items members submitted and no digest has shown yet. */
export const newsSource: DigestSource = {
  id: "news",
  async sections(stores, period) {
    const { t } = periodPresentation(period);
    // Those a digest showed would be dropped by compose; they are not read at all.
    const items = await stores.digest.unpublishedNews(period.workspaceId, period.to);
    if (items.length === 0) return [];
    const groupNames = new Map<string, string>();
    for (const id of new Set(items.map((n) => n.groupId).filter((g): g is string => g !== null))) {
      const group = await stores.groups.findById(id);
      if (group) groupNames.set(id, group.name);
    }
    return [
      {
        id: "news",
        title: t("digest.section.news"),
        entries: items.map((n) => ({
          key: newsKey(n),
          title: n.groupId && groupNames.has(n.groupId) ? `${n.title} (${groupNames.get(n.groupId)})` : n.title,
          text: n.body,
          ...(n.link ? { link: n.link } : {}),
        })),
      },
    ];
  },
};

/** Working groups founded or archived during the period. */
export const groupsSource: DigestSource = {
  id: "groups",
  async sections(stores, period) {
    const { t } = periodPresentation(period);
    const within = (at: Date | null) => at !== null && at >= period.from && at < period.to;
    const groups = await stores.groups.foundedOrArchivedIn(period.workspaceId, period.from, period.to);
    const entries = [
      ...groups.filter((g) => within(g.createdAt)).map((g) => ({ key: `group-created:${g.id}`, title: t("digest.groups.created", { name: g.name }) })),
      ...groups.filter((g) => within(g.archivedAt)).map((g) => ({ key: `group-archived:${g.id}`, title: t("digest.groups.archived", { name: g.name }) })),
    ];
    return entries.length ? [{ id: "groups", title: t("digest.section.groups"), entries }] : [];
  },
};
