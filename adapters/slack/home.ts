import { randomBytes } from "node:crypto";
import type { types } from "@slack/bolt";
import type { App } from "../../src/app.ts";
import { overviewReply } from "../../src/core/overview/reply.ts";
import type { Invocation } from "../../src/core/shared/invocation.ts";
import type { Logger } from "../../src/core/shared/logger.ts";
import { loggedError } from "../../src/core/shared/logged-error.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { presentation } from "../../src/i18n/presentation.ts";
import { text } from "../../src/render/build.ts";
import type { Block } from "../../src/render/reply.ts";
import type { SlackUserInfo } from "./directory.ts";
import { workspaceId } from "./ids.ts";
import { renderBlocks } from "./render.ts";

// A Home view holds at most 100 blocks; the core caps the overview well inside that.
const homeBlocks = 100;

export interface HomeOptions {
  readonly defaultLocale: Locale;
  readonly timeZone: string;
  readonly logger: Logger;
}

/**
 * The App Home tab: the core's overview (the same reply `/council overview` gives on every
 * platform), rendered like any reply. A failure shows a reference to quote, never a blank tab.
 */
export async function homeView(app: App, team: string, sender: SlackUserInfo, options: HomeOptions) {
  const { services } = app;
  const person = await services.people.ensure(sender.identity);
  const p = presentation(person.locale ?? options.defaultLocale, options.timeZone);
  const inv: Invocation = {
    actor: { person, isWorkspaceAdmin: sender.isWorkspaceAdmin },
    workspaceId: workspaceId(team),
    channelId: null,
    locale: p.locale,
  };
  let blocks: readonly Block[];
  try {
    blocks = overviewReply(p, await services.overview.forPerson(inv)).blocks;
  } catch (error) {
    const reference = randomBytes(4).toString("hex");
    options.logger.error({ reference, err: loggedError(error) }, "slack home failed");
    blocks = [text(p.t("error.unexpected", { reference }))];
  }
  const rendered = renderBlocks(blocks, app.controls);
  await app.controls.flush();
  // Within the core's caps this never triggers; if it did, the hint (last) says where the rest is.
  const view = rendered.length <= homeBlocks ? rendered : [...rendered.slice(0, homeBlocks - 1), rendered[rendered.length - 1]!];
  // Built to Block Kit's shape in render.ts; typed loosely there.
  return { type: "home" as const, blocks: view as unknown as types.KnownBlock[] };
}
