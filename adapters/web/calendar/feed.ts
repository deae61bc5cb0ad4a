import type { WebPage } from "../server.ts";

/**
 * A group's subscribable meeting calendar, `/calendar/<group>.ics?token=…`. The token is the key
 * (the name in the path is only for people reading the URL, so a renamed group's feed keeps
 * working); an unknown token gets the same 404 as no feed at all.
 */
export const calendarFeedPage: WebPage = (web, { app }) => {
  web.get("/calendar/:file{.+\\.ics}", async (c) => {
    const token = c.req.query("token");
    const feed = token ? await app.services.mail.calendarFeed(token) : null;
    if (!feed) return c.notFound();
    return c.body(feed, 200, { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=300" });
  });
};
