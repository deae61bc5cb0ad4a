import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { context, toChannel } from "../../render/build.ts";
import type { Block } from "../../render/reply.ts";
import type { Clock } from "../shared/clock.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { mailTo } from "./send.ts";

/** Where a subscriber's unsubscribe link points: GET asks, POST (a form or RFC 8058 one-click) unsubscribes. */
export const unsubscribeUrl = (base: string, token: string): string => `${base}/newsletter/unsubscribe?token=${encodeURIComponent(token)}`;

/**
 * A published digest to every subscriber of the workspace, each a message of their own carrying
 * their own unsubscribe link (in the text and as List-Unsubscribe), written with the digest.
 */
export async function mailNewsletter(
  stores: Stores,
  clock: Clock,
  issue: { workspaceId: string; locale: Locale; title: string; blocks: readonly Block[]; base: string; cause: string },
): Promise<number> {
  const subscribers = await stores.mail.activeSubscriptions(issue.workspaceId);
  for (const subscriber of subscribers) {
    const url = unsubscribeUrl(issue.base, subscriber.token);
    const body = toChannel(...issue.blocks, context(translate(issue.locale, "mail.unsubscribe", { url })));
    await mailTo(stores, clock, subscriber.address, { subject: issue.title, unsubscribe: { url } }, body, issue.cause);
  }
  return subscribers.length;
}
