import { translate } from "../../../src/i18n/translate.ts";
import { escapeHtml, page, pageLocale } from "../page-locale.ts";
import type { WebPage } from "../server.ts";

/**
 * The newsletter archive, for the council's web site to link or embed: `/newsletter/` lists the
 * published digests, `/newsletter/<id>` shows one as it was published (its e-mail-ready HTML),
 * `/newsletter/feed.atom` is the Atom feed of the latest.
 */
export const newsletterArchivePage: WebPage = (web, { app, publicUrl }) => {
  web.get("/newsletter/", async (c) => {
    const locale = pageLocale(c);
    const issues = await app.services.mail.newsletterIssues();
    const items = issues.map((i) => `<li><a href="${publicUrl}/newsletter/${encodeURIComponent(i.id)}">${escapeHtml(i.title)}</a> <time datetime="${i.publishedAt.toISOString()}">${i.publishedAt.toISOString().slice(0, 10)}</time></li>`);
    const body = [
      `<link rel="alternate" type="application/atom+xml" href="${publicUrl}/newsletter/feed.atom">`,
      issues.length ? `<ul>${items.join("\n")}</ul>` : `<p>${escapeHtml(translate(locale, "web.newsletter.empty"))}</p>`,
      `<p><a href="${publicUrl}/newsletter/feed.atom">${escapeHtml(translate(locale, "web.newsletter.feed"))}</a></p>`,
    ].join("\n");
    return c.html(page(locale, translate(locale, "web.newsletter.title"), body));
  });
  web.get("/newsletter", (c) => c.redirect(`${publicUrl}/newsletter/`, 301));
  web.get("/newsletter/feed.atom", async (c) => {
    const issues = await app.services.mail.newsletterIssues(20);
    const updated = (issues[0]?.publishedAt ?? new Date(0)).toISOString();
    const entries = issues.map((i) => {
      const url = `${publicUrl}/newsletter/${encodeURIComponent(i.id)}`;
      return `<entry><id>${escapeHtml(url)}</id><title>${escapeHtml(i.title)}</title><updated>${i.publishedAt.toISOString()}</updated><link rel="alternate" type="text/html" href="${escapeHtml(url)}"/><content type="html">${escapeHtml(i.html)}</content></entry>`;
    });
    const title = translate(pageLocale(c), "web.newsletter.title");
    const feed = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>${escapeHtml(`${publicUrl}/newsletter/`)}</id><title>${escapeHtml(title)}</title><updated>${updated}</updated><author><name>council-bot</name></author><link rel="self" href="${escapeHtml(`${publicUrl}/newsletter/feed.atom`)}"/><link rel="alternate" type="text/html" href="${escapeHtml(`${publicUrl}/newsletter/`)}"/>\n${entries.join("\n")}\n</feed>\n`;
    return c.body(feed, 200, { "content-type": "application/atom+xml; charset=utf-8" });
  });
  web.get("/newsletter/:id", async (c) => {
    const issue = await app.services.mail.newsletterIssue(c.req.param("id"));
    if (!issue) return c.notFound();
    return c.html(issue.html);
  });
};
