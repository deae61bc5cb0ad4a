import { createHash } from "node:crypto";
import type { Presentation } from "../../../src/i18n/presentation.ts";
import { locales, type Locale } from "../../../src/i18n/locale.ts";
import { translate } from "../../../src/i18n/translate.ts";
import { html, raw, type Markup } from "./markup.ts";

// One stylesheet, inline so that a page (served or exported) is one file; the Content-Security-Policy
// allows exactly this style by its hash and no script at all.
const style = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#555;--line:#d6d6d6;--accent:#1f4e79}
*{box-sizing:border-box}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:44rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;justify-content:space-between;align-items:baseline;padding-top:.75rem;padding-bottom:.5rem;border-bottom:1px solid var(--line)}
header a{color:var(--accent)}
nav ul{list-style:none;margin:0;padding:0;display:flex;gap:.75rem}
nav a[aria-current]{font-weight:bold;text-decoration:none;color:var(--ink)}
h1{font-size:1.5rem;line-height:1.25;margin:1rem 0 .5rem}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem}
h3{font-size:1rem;margin:1.25rem 0 .25rem}
.muted{color:var(--muted)}
p,li{overflow-wrap:anywhere}
ul.entries{list-style:none;padding:0}
ul.entries li{padding:.5rem 0;border-bottom:1px solid var(--line)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code,.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f4f4;padding:.5rem;border-radius:4px}
svg.chart{max-width:100%;height:auto;display:block;margin:.5rem 0}
ol.receipts{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;overflow-wrap:anywhere;padding-left:2.5rem}
footer{margin-top:2rem;padding-bottom:2rem;border-top:1px solid var(--line)}
`.trim();

const styleHash = createHash("sha256").update(style, "utf8").digest("base64");

/**
 * No script, no form, nothing from elsewhere: the pages are read, not run. In the page itself as
 * well, so the static export keeps it on any host; a meta tag cannot carry frame-ancestors.
 */
const pagePolicy = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'self' data:; base-uri 'none'; form-action 'none'`;
export const contentSecurityPolicy = `${pagePolicy}; frame-ancestors 'none'`;

export interface PageFrame {
  readonly p: Presentation;
  readonly title: string;
  /** This page in another language. */
  readonly here: (lang: Locale) => string;
  readonly home: string;
  /** The newsletter archive, linked from every page's header. */
  readonly newsletter: string;
}

export function layout(frame: PageFrame, body: Markup): Markup {
  const { p } = frame;
  const languages = locales.map(
    (lang) =>
      html`<li><a href="${frame.here(lang)}" lang="${lang}" hreflang="${lang}"${lang === p.locale ? html` aria-current="page"` : null}>${translate(lang, `language.${lang}`)}</a></li>`,
  );
  return html`<!doctype html>
<html lang="${p.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${pagePolicy}">
<meta name="description" content="${p.t("public.site.description")}">
<title>${frame.title}</title>
<style>${raw(style)}</style>
</head>
<body>
<header><span><a href="${frame.home}">${p.t("public.site.title")}</a> \u00b7 <a href="${frame.newsletter}" data-newsletter>${p.t("public.nav.newsletter")}</a></span><nav aria-label="${p.t("public.nav.language")}"><ul>${languages}</ul></nav></header>
<main>
${body}
</main>
<footer><p class="muted">${p.t("public.site.description")}</p></footer>
</body>
</html>
`;
}
