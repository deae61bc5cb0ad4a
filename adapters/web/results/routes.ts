import type { Context, Hono } from "hono";
import { languageDetector } from "hono/language";
import { presentation } from "../../../src/i18n/presentation.ts";
import { localeSchema, locales, type Locale } from "../../../src/i18n/locale.ts";
import type { WebPage } from "../server.ts";
import { contentSecurityPolicy } from "./layout.ts";
import { RESULTS_PATH, recordFileName, servedLinks } from "./links.ts";
import type { Markup } from "./markup.ts";
import { electionPage, groupPage, indexPage, minutesPage, notFoundPage } from "./views.ts";
import { MINUTES_SEGMENT } from "../../../src/core/public/paths.ts";

/**
 * The public results pages: `/results` (the groups), `/results/<group>` (its certified elections),
 * `/results/<group>/<election>` (the result, the count as a chart, the candidates, the receipts) and
 * `/results/<group>/<election>/<id>-record.json` (the stored record, byte for byte) with its
 * `.sha256`; `/results/<group>/minutes/<n>` a meeting's final minutes and `…/<n>.md` their text.
 * Anything not certified, and minutes not checked or approved, answer 404, the same as an id that
 * never existed.
 */
export const resultsPages: WebPage = (web, context) => {
  const fallback: Locale = context.defaultLocale ?? "fi";
  const timeZone = context.timeZone ?? "Europe/Helsinki";
  const results = context.app.services.publicResults;
  // ?lang= first, so links keep the reader's choice; then the browser's languages; then the council's.
  const detect = languageDetector({
    order: ["querystring", "header"],
    lookupQueryString: "lang",
    supportedLanguages: [...locales],
    fallbackLanguage: fallback,
    caches: false,
  });
  const guard = async (c: Context, next: () => Promise<void>) => {
    await next();
    c.header("Content-Security-Policy", contentSecurityPolicy);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
  };
  // Hono's "/results/*" matches "/results" itself too.
  web.use(`${RESULTS_PATH}/*`, detect, guard);

  const present = (c: Context) => presentation(localeSchema.catch(fallback).parse(c.get("language")), timeZone);
  const page = (c: Context, markup: Markup, status: 200 | 404 = 200) => c.html(markup.text, status);
  const notFound = (c: Context) => page(c, notFoundPage(present(c), servedLinks), 404);

  web.get(`${RESULTS_PATH}/`, (c) => c.redirect(servedLinks.index(present(c).locale), 301));
  web.get(RESULTS_PATH, async (c) => page(c, indexPage(present(c), servedLinks, await results.groups())));
  web.get(`${RESULTS_PATH}/:group`, async (c) => {
    const group = await results.group(c.req.param("group"));
    return group ? page(c, groupPage(present(c), servedLinks, group)) : notFound(c);
  });
  // Before the election's routes: "minutes" is no election id (ids have no i or o), but the route would match.
  web.get(`${RESULTS_PATH}/:group/${MINUTES_SEGMENT}/:file`, async (c) => {
    const [, number, text] = /^([1-9]\d{0,6})(\.md)?$/.exec(c.req.param("file")) ?? [];
    const minutes = number ? await results.minutes(c.req.param("group"), Number(number)) : null;
    if (!minutes) return notFound(c);
    // The approved bytes, untouched: their SHA-256 is the one on the page and in the approvals.
    if (text) return c.body(minutes.text, 200, { "Content-Type": "text/markdown; charset=utf-8" });
    return page(c, minutesPage(present(c), servedLinks, minutes));
  });
  web.get(`${RESULTS_PATH}/:group/:election`, async (c) => {
    const result = await results.result(c.req.param("group"), c.req.param("election"));
    return result ? page(c, electionPage(present(c), servedLinks, result)) : notFound(c);
  });
  web.get(`${RESULTS_PATH}/:group/:election/:file`, async (c) => {
    const { group, election, file } = c.req.param();
    const result = await results.result(group, election);
    if (!result) return notFound(c);
    const name = recordFileName(result.election.id);
    if (file === name) {
      // The stored bytes, untouched: their SHA-256 is the announced hash.
      c.header("Content-Disposition", `attachment; filename="${name}"`);
      return c.body(result.recordText, 200, { "Content-Type": "application/json; charset=utf-8" });
    }
    if (file === `${name}.sha256`) return c.text(`${result.election.recordHash}  ${name}\n`);
    return notFound(c);
  });
};
