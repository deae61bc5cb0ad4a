import { translate } from "../../../src/i18n/translate.ts";
import { escapeHtml, page, pageLocale } from "../page-locale.ts";
import type { WebPage } from "../server.ts";

/**
 * The newsletter's unsubscribe link. GET only asks (link scanners and previews fetch links, and
 * must not unsubscribe anyone); POST unsubscribes: the page's own button, or a mail client's
 * RFC 8058 one-click POST (`List-Unsubscribe=One-Click`) to the List-Unsubscribe URL.
 */
export const newsletterUnsubscribePage: WebPage = (web, { app }) => {
  const path = "/newsletter/unsubscribe";
  web.get(path, async (c) => {
    const locale = pageLocale(c);
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params);
    const token = c.req.query("token") ?? "";
    const subscription = token ? await app.services.mail.subscriptionByToken(token) : null;
    if (!subscription || subscription.unsubscribedAt) return c.html(page(locale, t("web.unsubscribe.title"), `<p>${escapeHtml(t("web.unsubscribe.unknown"))}</p>`), 404);
    const form = `<form method="post" action="${path}?token=${encodeURIComponent(token)}"><p>${escapeHtml(t("web.unsubscribe.question", { address: subscription.address }))}</p><button type="submit">${escapeHtml(t("web.unsubscribe.button"))}</button></form>`;
    return c.html(page(locale, t("web.unsubscribe.title"), form));
  });
  web.post(path, async (c) => {
    const locale = pageLocale(c);
    const token = c.req.query("token") ?? "";
    const body: Record<string, unknown> = await c.req.parseBody().catch(() => ({}));
    const oneClick = body["List-Unsubscribe"] === "One-Click";
    if (token) await app.services.mail.unsubscribeByToken(token, oneClick ? "web one-click (RFC 8058)" : "web form");
    // Asking twice is answered the same: the address is off the list either way.
    const ended = token ? Boolean((await app.services.mail.subscriptionByToken(token))?.unsubscribedAt) : false;
    const key = ended ? "web.unsubscribe.done" : "web.unsubscribe.unknown";
    return c.html(page(locale, translate(locale, "web.unsubscribe.title"), `<p>${escapeHtml(translate(locale, key))}</p>`), ended ? 200 : 404);
  });
};
