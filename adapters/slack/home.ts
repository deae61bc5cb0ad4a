import type { types } from "@slack/bolt";
import type { App } from "../../src/app.ts";
import { methodName, stateName } from "../../src/core/elections/replies.ts";
import type { Group } from "../../src/core/groups/group.ts";
import { showTime } from "../../src/core/shared/show-time.ts";
import { presentation } from "../../src/i18n/presentation.ts";
import type { Invocation } from "../../src/core/shared/invocation.ts";
import type { Logger } from "../../src/core/shared/logger.ts";
import { isRefusal } from "../../src/core/shared/refusal.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { context, divider, heading, list, text } from "../../src/render/build.ts";
import type { Block } from "../../src/render/reply.ts";
import type { SlackUserInfo } from "./directory.ts";
import { workspaceId } from "./ids.ts";
import { renderBlocks } from "./render.ts";
import { say } from "./say.ts";
import { loggedError } from "../../src/core/shared/logged-error.ts";

// A Home view holds at most 100 blocks; these caps keep it well inside, and every list says where
// the rest is (`/council … list`) through the hint at the bottom.
const maxGroups = 40;
const maxEntries = 20;
const homeBlocks = 100;

export interface HomeOptions {
  readonly defaultLocale: Locale;
  readonly timeZone: string;
  readonly logger: Logger;
}

/**
 * Runs one listing. A refusal (a group the person may not read) lists nothing; anything else is
 * logged and lists nothing too, so one broken listing does not leave the whole tab blank.
 */
async function quietly<T>(logger: Logger, read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (error) {
    if (!isRefusal(error)) logger.error({ err: loggedError(error) }, "slack home listing failed");
    return [];
  }
}

/**
 * The App Home tab: the person's working groups, their upcoming meetings, elections under way and
 * the person's own open action items. Read-only; everything else is one `/council` command away.
 * Built in the neutral model and rendered like any reply.
 */
export async function homeView(app: App, team: string, sender: SlackUserInfo, options: HomeOptions) {
  const { services } = app;
  const person = await services.people.ensure(sender.identity);
  const locale = person.locale ?? options.defaultLocale;
  const p = presentation(locale, options.timeZone);
  const { t } = p;
  const inv: Invocation = {
    actor: { person, isWorkspaceAdmin: sender.isWorkspaceAdmin },
    workspaceId: workspaceId(team),
    channelId: null,
    locale,
  };
  const groups = await services.groups.listMine(inv);
  const active = groups.filter((g) => !g.archivedAt).slice(0, maxGroups);

  const blocks: Block[] = [heading(say(locale, "slack.home.title")), text(`*${say(locale, "slack.home.my-groups")}*`)];
  blocks.push(
    groups.length > 0
      ? list(groups.slice(0, maxGroups).map((g) => (g.archivedAt ? t("groups.list.archived-entry", { name: g.name }) : g.name)))
      : text(say(locale, "slack.home.no-groups")),
  );

  const meetings = (
    await Promise.all(
      active.map(async (g: Group) =>
        quietly(options.logger, async () => {
          const { meetings: all, now } = await services.meetings.list(inv, g.name);
          return all
            .filter((m) => m.status === "open" || (m.status === "scheduled" && m.startsAt >= now))
            .map((m) => ({ group: g.name, meeting: m }));
        }),
      ),
    )
  )
    .flat()
    .sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime())
    .slice(0, maxEntries);
  if (meetings.length > 0) {
    blocks.push(divider(), text(`*${say(locale, "slack.home.meetings")}*`));
    blocks.push(
      list(
        meetings.map(
          ({ group, meeting: m }) =>
            `${group} ${m.number}. ${showTime(p, "weekdayDateTime", m.startsAt)} · ${m.place ?? t("meetings.no-place")} · ${t(`meetings.status.${m.status}`)}`,
        ),
      ),
    );
  }

  const elections = (
    await Promise.all(
      active.map(async (g) =>
        (await quietly(options.logger, async () => (await services.elections.list(inv, g.name)).elections))
          .filter((e) => e.state === "nominating" || e.state === "voting")
          .map((e) => `${g.name}: ${t("elections.list.entry", { id: e.id, title: e.title, method: methodName(p, e), state: stateName(p, e) })}`),
      ),
    )
  )
    .flat()
    .slice(0, maxEntries);
  if (elections.length > 0) blocks.push(divider(), text(`*${say(locale, "slack.home.elections")}*`), list(elections));

  const actions = (await quietly(options.logger, () => services.actions.list(inv))).slice(0, maxEntries);
  if (actions.length > 0) {
    blocks.push(divider(), text(`*${t("actions.title-mine")}*`));
    blocks.push(
      list(
        actions.map((a) =>
          t("actions.line", { group: a.groupName, number: a.number, text: a.text, owner: a.ownerName, due: showTime(p, "date", a.dueDate) }),
        ),
      ),
    );
  }

  blocks.push(divider(), context(say(locale, "slack.home.hint")));
  const rendered = renderBlocks(blocks, app.controls);
  await app.controls.flush();
  // Within the caps above this never triggers; if it did, the hint (last) says where the rest is.
  const view = rendered.length <= homeBlocks ? rendered : [...rendered.slice(0, homeBlocks - 1), rendered[rendered.length - 1]!];
  // Built to Block Kit's shape in render.ts; typed loosely there.
  return { type: "home" as const, blocks: view as unknown as types.KnownBlock[] };
}
